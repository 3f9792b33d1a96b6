// Tests of sealing dossiers to the gateway's key and of the encoding helpers.
#include "kiosk/outbox/sealed_box.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

using namespace kiosk;

TEST_CASE("a sealed payload opens only with the gateway's private key", "[outbox]") {
    auto gateway = generateX25519KeyPair();
    auto other = generateX25519KeyPair();
    REQUIRE(gateway.ok());
    REQUIRE(other.ok());
    std::string plain = R"({"ChuHoSo":"Nguyễn Thị Thử Nghiệm"})";
    auto sealed = sealToPublicKey(gateway->publicKey, asBytes(plain));
    REQUIRE(sealed.ok());
    CHECK(sealed->size() == 1 + 32 + 12 + plain.size() + 16);
    std::string sealedText(sealed->begin(), sealed->end());
    CHECK(sealedText.find("Nguyễn") == std::string::npos);

    auto opened = openSealed(gateway->privateKey, *sealed);
    REQUIRE(opened.ok());
    CHECK(std::string(opened->begin(), opened->end()) == plain);

    auto wrongKey = openSealed(other->privateKey, *sealed);
    REQUIRE_FALSE(wrongKey.ok());
    CHECK(wrongKey.error().code == "sealed_tampered");
}

TEST_CASE("any changed byte of a sealed payload is detected", "[outbox]") {
    auto gateway = generateX25519KeyPair();
    auto sealed = sealToPublicKey(gateway->publicKey, asBytes(std::string("hồ sơ khai sinh")));
    REQUIRE(sealed.ok());
    for (std::size_t index :
         {std::size_t{5}, std::size_t{40}, std::size_t{50}, sealed->size() - 1}) {
        Bytes damaged = *sealed;
        damaged[index] ^= 0x01;
        INFO(index);
        CHECK_FALSE(openSealed(gateway->privateKey, damaged).ok());
    }
    Bytes wrongVersion = *sealed;
    wrongVersion[0] = 2;
    CHECK(openSealed(gateway->privateKey, wrongVersion).error().code == "sealed_malformed");
    CHECK(openSealed(gateway->privateKey, Bytes(20, 1)).error().code == "sealed_malformed");
}

TEST_CASE("sealing the same text twice gives different bytes", "[outbox]") {
    auto gateway = generateX25519KeyPair();
    auto first = sealToPublicKey(gateway->publicKey, asBytes(std::string("x")));
    auto second = sealToPublicKey(gateway->publicKey, asBytes(std::string("x")));
    CHECK(*first != *second);
}

TEST_CASE("base64 and hex round-trip every length", "[outbox]") {
    for (std::size_t length = 0; length < 40; ++length) {
        Bytes bytes = randomBytes(length);
        INFO(length);
        CHECK(*fromBase64(toBase64(bytes)) == bytes);
        CHECK(*parseHex(toHex(bytes, LetterCase::Lower)) == bytes);
    }
    CHECK(toBase64(asBytes(std::string("Ma"))) == "TWE=");
    CHECK_FALSE(fromBase64("abc").ok());
    CHECK_FALSE(parseHex("0g").ok());
}

TEST_CASE("HMAC-SHA256 matches the RFC 4231 test vector", "[outbox]") {
    // RFC 4231 test case 2.
    CHECK(hmacSha256Hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(equalSecrets("abc", "abc"));
    CHECK_FALSE(equalSecrets("abc", "abd"));
}

TEST_CASE("key files round-trip and the private one is readable by its owner only", "[outbox]") {
    auto dir = std::filesystem::temp_directory_path() / "kiosk-key-test";
    std::filesystem::create_directories(dir);
    auto pair = generateX25519KeyPair();
    REQUIRE(writeKeyFile(dir / "gateway.key", pair->privateKey, true).ok());
    auto read = readKeyFile(dir / "gateway.key");
    REQUIRE(read.ok());
    CHECK(*read == pair->privateKey);
    CHECK(*x25519PublicFromPrivate(*read) == pair->publicKey);
    struct stat info {};
    REQUIRE(::stat((dir / "gateway.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    std::filesystem::remove(dir / "gateway.key");
    CHECK(readKeyFile(dir / "gateway.key").error().code == "key_unreadable");
    std::filesystem::remove_all(dir);
}
