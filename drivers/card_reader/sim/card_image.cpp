// Personalisation of a simulated chip ID card: LDS files and a signed EF.SOD.
#include "drivers/card_reader/sim/card_image.hpp"

#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/card_reader/icao/pace.hpp"
#include "drivers/card_reader/icao/tlv.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace kiosk::sim {
namespace {

using icao::encodeTlv;

Bytes textBytes(std::string_view text) {
    return Bytes(text.begin(), text.end());
}

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& part : parts) {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

Bytes integer(int value) {
    return encodeTlv(0x02, Bytes{static_cast<std::uint8_t>(value)});
}

Bytes utf8(std::string_view text) {
    return encodeTlv(0x0C, textBytes(text));
}

Bytes field(int number, const Bytes& value) {
    return encodeTlv(0x30, concat({integer(number), value}));
}

Bytes publicKeyInfo(EVP_PKEY* key) {
    int length = i2d_PUBKEY(key, nullptr);
    Bytes out(static_cast<std::size_t>(std::max(length, 0)));
    unsigned char* p = out.data();
    i2d_PUBKEY(key, &p);
    return out;
}

// DER of an OBJECT IDENTIFIER from its dotted text.
Bytes oid(const char* dotted) {
    ASN1_OBJECT* object = OBJ_txt2obj(dotted, 1);
    int length = i2d_ASN1_OBJECT(object, nullptr);
    Bytes out(static_cast<std::size_t>(std::max(length, 0)));
    unsigned char* p = out.data();
    i2d_ASN1_OBJECT(object, &p);
    ASN1_OBJECT_free(object);
    return out;
}

Result<Bytes> signSod(const Bytes& ldsSecurityObject, const TestPki& pki) {
    BIO* data =
        BIO_new_mem_buf(ldsSecurityObject.data(), static_cast<int>(ldsSecurityObject.size()));
    CMS_ContentInfo* cms = CMS_sign(pki.signerCert.get(), pki.signerKey.get(), nullptr, nullptr,
                                    CMS_PARTIAL | CMS_BINARY | CMS_NOSMIMECAP);
    ASN1_OBJECT* type = OBJ_txt2obj("2.23.136.1.1.1", 1); // ldsSecurityObject, 9303-10 §4.6.2.2
    bool good = cms != nullptr && CMS_set1_eContentType(cms, type) == 1 &&
                CMS_final(cms, data, nullptr, CMS_BINARY | CMS_NOSMIMECAP) == 1;
    ASN1_OBJECT_free(type);
    BIO_free(data);
    Bytes der;
    if (good) {
        int length = i2d_CMS_ContentInfo(cms, nullptr);
        der.resize(static_cast<std::size_t>(std::max(length, 0)));
        unsigned char* p = der.data();
        i2d_CMS_ContentInfo(cms, &p);
    }
    CMS_ContentInfo_free(cms);
    if (!good || der.empty()) {
        return makeError("pki.sign", "could not sign the simulated EF.SOD");
    }
    return encodeTlv(0x77, der);
}

} // namespace

Bytes buildDg13(const CardProfile& p) {
    Bytes fields = concat({
        field(1, utf8(p.idNumber)),
        field(2, utf8(p.fullName)),
        field(3, utf8(p.dateOfBirth)),
        field(4, utf8(p.sex)),
        field(5, utf8(p.nationality)),
        field(6, utf8(p.ethnicity)),
        field(7, utf8(p.religion)),
        field(8, utf8(p.placeOfOrigin)),
        field(9, utf8(p.placeOfResidence)),
        field(10, utf8(p.identifyingMarks)),
        field(11, utf8(p.dateOfIssue)),
        field(12, utf8(p.dateOfExpiry)),
        field(13, encodeTlv(0x30, concat({utf8(p.fatherName), utf8(p.motherName)}))),
        field(14, encodeTlv(0x30, p.spouseName.empty() ? Bytes{} : utf8(p.spouseName))),
    });
    if (!p.oldIdNumber.empty()) {
        fields = concat({fields, field(15, utf8(p.oldIdNumber))});
    }
    // A 16th field whose meaning sources disagree on; the reader must keep it raw.
    fields = concat({fields, field(16, utf8("7A3F09C2E15D4B68"))});
    Bytes body = concat({integer(1), oid("1.0.10646.1.0.8"), encodeTlv(0x31, fields)});
    return encodeTlv(0x6D, encodeTlv(0x30, body));
}

Result<CardImage> personalise(const CardProfile& profile, const TestPki& pki) {
    CardImage image;
    image.extendedLength = profile.extendedLength;
    std::string documentNumber = icao::cccdDocumentNumber(profile.idNumber);
    std::string birth = mrzDate(profile.dateOfBirth);
    std::string expiry = mrzDate(profile.dateOfExpiry);

    icao::Mrz mrz;
    mrz.documentCode = "ID";
    mrz.issuingState = "VNM";
    mrz.documentNumber = documentNumber;
    mrz.optionalData1 =
        profile.idNumber + "<<" + static_cast<char>('0' + icao::mrzCheckDigit(profile.idNumber));
    mrz.dateOfBirth = birth;
    mrz.sex = profile.sex == "Nam" ? "M" : "F";
    mrz.dateOfExpiry = expiry;
    mrz.nationality = "VNM";
    mrz.primaryIdentifier = profile.mrzSurname;
    mrz.secondaryIdentifier = profile.mrzGivenNames;
    image.mrzInformation = icao::bacMrzInformation(documentNumber, birth, expiry);

    std::map<int, Bytes> groups;
    groups[1] = encodeTlv(0x61, encodeTlv(0x5F1F, textBytes(icao::buildTd1(mrz))));
    // DG2 stands in for the face image: a biometric template header with a few filler bytes.
    groups[2] = encodeTlv(0x75, encodeTlv(0x7F61, concat({encodeTlv(0x02, Bytes{0x01}),
                                                          encodeTlv(0x5F2E, Bytes(600, 0xA5))})));
    groups[3] = encodeTlv(0x63, encodeTlv(0x7F61, encodeTlv(0x02, Bytes{0x00})));
    groups[13] = buildDg13(profile);
    // DG14: ChipAuthenticationInfo + ChipAuthenticationPublicKeyInfo (9303-11 §9.2.5) with a
    // fresh key, and for an ECDSA chip the ActiveAuthenticationInfo naming its signature hash;
    // DG15: the Active Authentication public key (§6.1).
    std::unique_ptr<EVP_PKEY, PkeyFree> chipKey(EVP_EC_gen("P-256"));
    if (!chipKey) {
        return makeError("pki.keygen", "could not generate chip keys");
    }
    if (profile.activeAuthKey == "rsa") {
        // 1024 bits: what many issued AA chips carry, and quick to generate for every test.
        image.activeAuthKey.reset(EVP_RSA_gen(1024), EVP_PKEY_free);
    } else if (profile.activeAuthKey == "ecdsa") {
        image.activeAuthKey.reset(EVP_EC_gen("P-256"), EVP_PKEY_free);
        image.activeAuthDigest = "SHA256";
    }
    if (profile.activeAuthKey != "none" && !image.activeAuthKey) {
        return makeError("pki.keygen", "could not generate the Active Authentication key");
    }
    Bytes caInfo = encodeTlv(0x30, concat({oid("0.4.0.127.0.7.2.2.3.2.2"), integer(1)}));
    Bytes caKeyInfo =
        encodeTlv(0x30, concat({oid("0.4.0.127.0.7.2.2.1.2"), publicKeyInfo(chipKey.get())}));
    Bytes securityInfos = concat({caInfo, caKeyInfo});
    if (!image.activeAuthDigest.empty()) {
        // ActiveAuthenticationInfo { id-icao-mrtd-security-aaProtocolObject, version 1,
        // ecdsa-plain-SHA256 (BSI TR-03111) }.
        securityInfos =
            concat({securityInfos, encodeTlv(0x30, concat({oid("2.23.136.1.1.5"), integer(1),
                                                           oid("0.4.0.127.0.7.1.1.4.1.3")}))});
    }
    groups[14] = encodeTlv(0x6E, encodeTlv(0x31, securityInfos));
    if (image.activeAuthKey) {
        groups[15] = encodeTlv(0x6F, publicKeyInfo(image.activeAuthKey.get()));
    }

    Bytes tagList;
    Bytes hashes;
    for (const auto& [number, bytes] : groups) {
        tagList.push_back(icao::tagOfDataGroup(number));
        hashes = concat({hashes, encodeTlv(0x30, concat({integer(number),
                                                         encodeTlv(0x04, icao::sha256(bytes))}))});
        image.files[icao::dataGroupFileId(number)] = bytes;
    }
    image.files[icao::kFileIdCom] =
        encodeTlv(0x60, concat({encodeTlv(0x5F01, textBytes("0107")),
                                encodeTlv(0x5F36, textBytes("040000")), encodeTlv(0x5C, tagList)}));
    Bytes algorithm = encodeTlv(0x30, concat({oid("2.16.840.1.101.3.4.2.1"), Bytes{0x05, 0x00}}));
    Bytes lds = encodeTlv(0x30, concat({integer(0), algorithm, encodeTlv(0x30, hashes)}));
    auto sod = signSod(lds, pki);
    if (!sod) {
        return sod.error();
    }
    image.files[icao::kFileIdSod] = std::move(*sod);
    if (profile.paceParameterId != 0) {
        // EF.CardAccess: SecurityInfos { PACEInfo { OID, version 2, parameterId } } (§9.2.1).
        PaceSetup pace{icao::paceProtocolOid(icao::KeyAlgorithm::Aes128), profile.paceParameterId,
                       profile.idNumber.substr(profile.idNumber.size() - 6)};
        Bytes info = encodeTlv(
            0x30, concat({encodeTlv(0x06, pace.protocol), integer(2), integer(pace.parameterId)}));
        image.files[icao::kFileIdCardAccess] = encodeTlv(0x31, info);
        image.pace = std::move(pace);
    }
    return image;
}

} // namespace kiosk::sim
