// What a chip ID card says about its holder, in the kiosk's own types: the card's words and
// dates are parsed once, where the reader hands them over, and never again downstream.
#pragma once

#include "kiosk/idcard/card_read_failure.hpp"
#include "kiosk/validation/civil_date.hpp"
#include "kiosk/validation/id_number.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

namespace icao {
struct CardData; // drivers/card_reader/icao/card_data.hpp
}

// What the read proved about the card (icao::CardAuthenticity), for the volunteer; it never blocks.
// "Genuine" only when the issuer's signature is trusted and the chip passed Active Authentication.
enum class CardVerification {
    Genuine,
    IssuerSigned,     // the issuer's data; the chip offers no Active Authentication
    ChipNotProven,    // the issuer's data on a chip that failed Active Authentication: a copy
    UnknownIssuer,    // signature and data match; the signer is not trusted here
    SignatureInvalid, // the signature does not verify: forged or broken
    SignerRevoked,    // the issuer revoked the key that signed the data (its revocation list)
    NotVerified,
};

struct CardHolder {
    std::string fullName;
    std::string idNumber;                 // 12 digits as the card holds them
    std::optional<CivilDate> dateOfBirth; // nothing when the card's date is not a real date
    std::optional<Sex> sex;               // nothing when the card's word is not known
    std::string nationality;
    std::string ethnicity; // by name, as the picker lists label it
    std::string placeOfOrigin;
    std::string placeOfResidence;
    CardVerification verification = CardVerification::NotVerified;
    std::vector<int> unreadGroups; // data groups the chip listed but did not give

    CardHolder() = default;
    CardHolder(const CardHolder&) = default;
    CardHolder& operator=(const CardHolder&) = default;
    CardHolder(CardHolder&&) noexcept = default;
    CardHolder& operator=(CardHolder&&) noexcept = default;
    ~CardHolder() { wipe(); }
    // Overwrites every personal byte before the memory is released.
    void wipe() noexcept;
};

// The card's sex word: DG13 writes "Nam"/"Nữ", the MRZ "M"/"F".
std::optional<Sex> cardSexOf(std::string_view word);
// The card's dates: dd/mm/yyyy as DG13 stores them, or ddmmyyyy without separators.
std::optional<CivilDate> cardDateOf(const std::string& text);
// A card whose data matched its signed hashes, made typed.
CardHolder cardHolderFrom(const icao::CardData& card);
// What a read hands to the dossier: the holder, or DataAltered when a data group does not match
// its signed hash (such data never reaches a form).
std::variant<CardHolder, CardReadFailure> cardReadResultFrom(const icao::CardData& card);

} // namespace kiosk
