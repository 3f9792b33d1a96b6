// Device models for the virtual USB bus. Reader values are copied from the public CCID driver's
// reader list (LudovicRousseau/CCID readers/*.txt); printer values from escpos.md §1.6.
#include "tests/hil/usb_models.hpp"

namespace kiosk::hil {
namespace {

void put16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value));
    out.push_back(static_cast<std::uint8_t>(value >> 8));
}

void put32(Bytes& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

InterfaceModel reader(std::string name, CcidDescriptor ccid) {
    InterfaceModel model;
    model.function = Function::CcidReader;
    model.name = std::move(name);
    model.interruptIn = 0x83;
    model.ccid = ccid;
    return model;
}

InterfaceModel printer(std::string deviceId, std::string profile, std::uint8_t out,
                       std::uint8_t in) {
    InterfaceModel model;
    model.printerProfile = std::move(profile);
    model.function = Function::Printer;
    model.name = "Printer";
    model.bulkOut = out;
    model.bulkIn = in;
    model.deviceId = std::move(deviceId);
    return model;
}

std::vector<DeviceModel> makeModels() {
    std::vector<DeviceModel> models;

    // readers/ACS_ACR1252_Reader.txt: one PICC interface, extended APDU, 522-byte messages.
    CcidDescriptor acr;
    acr.dwFeatures = 0x000404BA;
    acr.dwMaxCCIDMessageLength = 522;
    models.push_back({"acr1252u",
                      0x072F,
                      0x223E,
                      0x0206,
                      "ACS",
                      "ACR1252 Reader",
                      {reader("ACR1252 Reader PICC", acr)}});

    // readers/HID_OMNIKEY_5422.txt: interface 0 contactless ("5422CL"), interface 1 contact;
    // both APDU level, so only the quirk table tells them apart.
    CcidDescriptor omniCl;
    omniCl.dwProtocols = 0x0003;
    omniCl.dwDefaultClock = 4800;
    omniCl.dwMaximumClock = 4800;
    omniCl.dwDataRate = 12903;
    omniCl.dwMaxDataRate = 825807;
    omniCl.dwFeatures = 0x000404BA;
    omniCl.dwMaxCCIDMessageLength = 520;
    omniCl.bClassGetResponse = 0xFF;
    omniCl.bClassEnvelope = 0xFF;
    CcidDescriptor omniContact = omniCl;
    omniContact.dwMaximumClock = 8000;
    omniContact.dwDataRate = 10752;
    omniContact.dwMaxDataRate = 412903;
    omniContact.dwFeatures = 0x000407B8;
    InterfaceModel contact = reader("OMNIKEY 5422 Smartcard Reader", omniContact);
    contact.bulkOut = 0x04;
    contact.bulkIn = 0x85;
    contact.interruptIn = 0x86;
    // The contact slot is empty in every scenario: its state says "no card".
    contact.function = Function::CcidOtherChip;
    contact.chipPresent = false;
    models.push_back({"omnikey5422",
                      0x076B,
                      0x5422,
                      0x0101,
                      "HID Global",
                      "OMNIKEY 5422 Smartcard Reader",
                      {reader("OMNIKEY 5422CL Smartcard Reader", omniCl), contact}});

    // readers/Identiv_uTrust_3700_F_CL_Reader.txt: 1034-byte messages, slow (timeout x4).
    CcidDescriptor utrust;
    utrust.bVoltageSupport = 0x01;
    utrust.dwProtocols = 0x0003;
    utrust.dwDefaultClock = 4800;
    utrust.dwMaximumClock = 12000;
    utrust.dwDataRate = 12903;
    utrust.dwMaxDataRate = 412903;
    utrust.dwMaxIFSD = 1024;
    utrust.dwMechanical = 1;
    utrust.dwFeatures = 0x000404BE;
    utrust.dwMaxCCIDMessageLength = 1034;
    utrust.bClassGetResponse = 0xFF;
    utrust.bClassEnvelope = 0xFF;
    models.push_back({"utrust3700f",
                      0x04E6,
                      0x5790,
                      0x0102,
                      "Identiv",
                      "uTrust 3700 F CL Reader",
                      {reader("uTrust 3700 F CL Reader", utrust)}});

    // A security token of a kind the quirk table does not know: a keyboard interface and a
    // CCID interface whose chip is always there and holds no ICAO application.
    InterfaceModel keyboard;
    keyboard.function = Function::HidKeyboard;
    keyboard.name = "Keyboard";
    keyboard.interruptIn = 0x81;
    CcidDescriptor tokenCcid;
    tokenCcid.bVoltageSupport = 0x01;
    tokenCcid.dwFeatures = 0x000400FE;
    tokenCcid.dwMaxCCIDMessageLength = 3072;
    InterfaceModel token = reader("Token CCID", tokenCcid);
    token.function = Function::CcidOtherChip;
    token.bulkOut = 0x02;
    token.bulkIn = 0x82;
    token.interruptIn = 0x84;
    models.push_back({"token",
                      0x20A0,
                      0x4211,
                      0x0100,
                      "Example",
                      "Security token with CCID",
                      {keyboard, token}});

    // A generic 80 mm ESC/POS printer: the Gainscha GP series endpoints (IN 0x84, OUT 0x03).
    models.push_back(
        {"generic80",
         0x6868,
         0x0500,
         0x0100,
         "Gainscha",
         "GP-80 Printer",
         {printer("MFG:Gainscha;CMD:ESC/POS;MDL:GP-80;CLS:PRINTER;", "generic-80", 0x03, 0x84)}});
    // Epson TM-T20 (04b8:0e03), Device ID as ofxESCPOS #6 shows it.
    models.push_back(
        {"tmt20",
         0x04B8,
         0x0E03,
         0x0100,
         "EPSON",
         "TM-T20",
         {printer("MFG:EPSON;CMD:ESC/POS;MDL:TM-T20;CLS:PRINTER;", "epson-tm-t20", 0x01, 0x82)}});
    // A cheap 58 mm "POS58" printer on a Winbond controller (0416:5011, python-escpos #51).
    models.push_back(
        {"pos58",
         0x0416,
         0x5011,
         0x0100,
         "Winbond",
         "POS58 Printer",
         {printer("MFG:POS58;CMD:ESC/POS;MDL:POS-58;CLS:PRINTER;", "generic-58", 0x01, 0x81)}});
    return models;
}

const std::vector<DeviceModel>& models() {
    static const std::vector<DeviceModel> all = makeModels();
    return all;
}

} // namespace

const DeviceModel* findDeviceModel(std::string_view id) {
    for (const auto& model : models()) {
        if (model.id == id) {
            return &model;
        }
    }
    return nullptr;
}

std::vector<std::string_view> deviceModelIds() {
    std::vector<std::string_view> ids;
    for (const auto& model : models()) {
        ids.push_back(model.id);
    }
    return ids;
}

Bytes deviceDescriptor(const DeviceModel& model) {
    Bytes d{18, 1};
    put16(d, 0x0200); // bcdUSB
    d.push_back(0);   // class per interface
    d.push_back(0);
    d.push_back(0);
    d.push_back(64); // bMaxPacketSize0
    put16(d, model.vendorId);
    put16(d, model.productId);
    put16(d, model.bcdDevice);
    d.push_back(1); // iManufacturer
    d.push_back(2); // iProduct
    d.push_back(3); // iSerialNumber
    d.push_back(1); // bNumConfigurations
    return d;
}

Bytes configurationDescriptor(const DeviceModel& model) {
    Bytes body;
    std::uint8_t stringIndex = 4;
    for (std::size_t i = 0; i < model.interfaces.size(); ++i) {
        const InterfaceModel& iface = model.interfaces[i];
        bool hid = iface.function == Function::HidKeyboard;
        bool isPrinter = iface.function == Function::Printer;
        std::uint8_t endpoints = hid ? 1 : static_cast<std::uint8_t>(iface.interruptIn ? 3 : 2);
        body.insert(body.end(), {9, 4, static_cast<std::uint8_t>(i), 0, endpoints});
        body.push_back(hid ? 0x03 : isPrinter ? 0x07 : 0x0B);
        body.push_back(hid ? 0x01 : isPrinter ? 0x01 : 0x00);
        body.push_back(hid ? 0x01 : isPrinter ? iface.printerProtocol : 0x00);
        body.push_back(stringIndex++);
        if (hid) {
            // HID 1.11 §6.2.1: one report descriptor of 63 bytes (a boot keyboard's).
            body.insert(body.end(), {9, 0x21, 0x11, 0x01, 0, 1, 0x22, 63, 0});
            body.insert(body.end(), {7, 5, iface.interruptIn, 0x03, 8, 0, 10});
            continue;
        }
        if (!isPrinter) {
            const CcidDescriptor& c = iface.ccid;
            body.push_back(54);
            body.push_back(0x21);
            put16(body, c.bcdCCID);
            body.push_back(c.bMaxSlotIndex);
            body.push_back(c.bVoltageSupport);
            put32(body, c.dwProtocols);
            put32(body, c.dwDefaultClock);
            put32(body, c.dwMaximumClock);
            body.push_back(0); // bNumClockSupported
            put32(body, c.dwDataRate);
            put32(body, c.dwMaxDataRate);
            body.push_back(0); // bNumDataRatesSupported
            put32(body, c.dwMaxIFSD);
            put32(body, 0); // dwSynchProtocols
            put32(body, c.dwMechanical);
            put32(body, c.dwFeatures);
            put32(body, c.dwMaxCCIDMessageLength);
            body.push_back(c.bClassGetResponse);
            body.push_back(c.bClassEnvelope);
            put16(body, 0);    // wLcdLayout
            body.push_back(0); // bPINSupport
            body.push_back(c.bMaxCCIDBusySlots);
        }
        body.insert(body.end(), {7, 5, iface.bulkOut, 0x02, 64, 0, 0});
        body.insert(body.end(), {7, 5, iface.bulkIn, 0x02, 64, 0, 0});
        if (iface.interruptIn != 0) {
            body.insert(body.end(), {7, 5, iface.interruptIn, 0x03, 8, 0, 16});
        }
    }
    Bytes d{9, 2};
    put16(d, static_cast<std::uint16_t>(9 + body.size()));
    d.push_back(static_cast<std::uint8_t>(model.interfaces.size()));
    d.push_back(1);    // bConfigurationValue
    d.push_back(0);    // iConfiguration
    d.push_back(0x80); // bus powered
    d.push_back(50);   // 100 mA
    d.insert(d.end(), body.begin(), body.end());
    return d;
}

Bytes stringDescriptor(const DeviceModel& model, std::uint8_t index) {
    if (index == 0) {
        return {4, 3, 0x09, 0x04}; // US English
    }
    std::string text;
    if (index == 1) {
        text = model.manufacturer;
    } else if (index == 2) {
        text = model.product;
    } else if (index == 3) {
        text = "HIL0001";
    } else if (static_cast<std::size_t>(index - 4) < model.interfaces.size()) {
        text = model.interfaces[index - 4].name;
    } else {
        return {};
    }
    Bytes d{static_cast<std::uint8_t>(2 + 2 * text.size()), 3};
    for (char c : text) {
        d.push_back(static_cast<std::uint8_t>(c));
        d.push_back(0);
    }
    return d;
}

} // namespace kiosk::hil
