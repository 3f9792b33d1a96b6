// The kiosk's side of saving a report on the USB stick: request and result files in the spool,
// the wait for the root helper, and the real helper script answering on plain folders.
#include "kiosk/content/fs_util.hpp"
#include "kiosk/usage/report_export_spool.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view kName = "kiosk-report-2026-11-01_2026-11-25.csv";

std::string reportExportSpoolReadText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeText(const std::filesystem::path& path, std::string_view text) {
    std::ofstream(path, std::ios::binary) << text;
}

// No real sleeping: each look at the spool is one "pause".
UsbExportWait countedWait(int* pauses = nullptr) {
    UsbExportWait wait;
    wait.timeout = 1000ms;
    wait.pollEvery = 250ms;
    wait.sleep = [pauses](std::chrono::milliseconds) {
        if (pauses != nullptr) {
            ++*pauses;
        }
    };
    return wait;
}

std::string requestId(const std::filesystem::path& spool) {
    std::string request = reportExportSpoolReadText(spool / "request");
    auto start = request.find("id=") + 3;
    return request.substr(start, request.find('\n', start) - start);
}

} // namespace

TEST_CASE("an export request spools the file, then names it and an id for the helper",
          "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    CHECK(spool == temp.path() / "usb-export");
    auto id = requestUsbExport(spool, kName, "section,date,item,detail,value\r\n");
    REQUIRE(id.ok());
    CHECK(id->size() == 16);
    CHECK(reportExportSpoolReadText(spool / "outgoing" / std::string(kName)) ==
          "section,date,item,detail,value\r\n");
    CHECK(reportExportSpoolReadText(spool / "request") ==
          "id=" + *id + "\nfile=" + std::string(kName) + "\n");
    CHECK_FALSE(std::filesystem::exists(spool / "request.tmp"));
}

TEST_CASE("an export request refuses names the helper would refuse", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    for (std::string_view name :
         {"../report.csv", "report.txt", ".hidden.csv", "báo-cáo.csv", ""}) {
        INFO(name);
        auto id = requestUsbExport(spool, name, "x");
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == "usb_export.bad_name");
    }
    CHECK_FALSE(std::filesystem::exists(spool / "request"));
}

TEST_CASE("a new request clears what an abandoned one left behind", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    REQUIRE(requestUsbExport(spool, "kiosk-report-old.csv", "old").ok());
    writeText(spool / "result", "id=0000\noutcome=saved\nfile=kiosk-reports/old.csv\n");
    auto id = requestUsbExport(spool, kName, "new");
    REQUIRE(id.ok());
    CHECK_FALSE(std::filesystem::exists(spool / "result"));
    CHECK_FALSE(std::filesystem::exists(spool / "outgoing" / "kiosk-report-old.csv"));
    CHECK(std::filesystem::exists(spool / "outgoing" / std::string(kName)));
}

TEST_CASE("the helper's answer is read once and only for the request it answers", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    auto id = requestUsbExport(spool, kName, "csv");
    REQUIRE(id.ok());
    CHECK_FALSE(takeUsbExportResult(spool, *id)); // no answer yet

    writeText(spool / "result", "id=ffff\noutcome=saved\nfile=kiosk-reports/x.csv\n");
    CHECK_FALSE(takeUsbExportResult(spool, *id)); // an answer to someone else

    writeText(spool / "result",
              "id=" + *id + "\noutcome=saved\nfile=kiosk-reports/" + std::string(kName) + "\n");
    auto result = takeUsbExportResult(spool, *id);
    REQUIRE(result);
    CHECK(result->outcome == UsbExportOutcome::Saved);
    CHECK(result->detail == "kiosk-reports/" + std::string(kName));
    CHECK_FALSE(std::filesystem::exists(spool / "result"));
    CHECK_FALSE(std::filesystem::exists(spool / "outgoing" / std::string(kName)));
    CHECK_FALSE(takeUsbExportResult(spool, *id));
}

TEST_CASE("each outcome word of the helper maps to its outcome", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    struct Case {
        std::string_view word;
        UsbExportOutcome outcome;
    };
    for (Case c : {Case{"no_stick", UsbExportOutcome::NoStick},
                   Case{"stick_full", UsbExportOutcome::StickFull},
                   Case{"write_failed", UsbExportOutcome::WriteFailed},
                   Case{"bad_request", UsbExportOutcome::BadRequest},
                   Case{"something_new", UsbExportOutcome::WriteFailed}}) {
        INFO(c.word);
        auto id = requestUsbExport(spool, kName, "csv");
        REQUIRE(id.ok());
        writeText(spool / "result", "id=" + *id + "\noutcome=" + std::string(c.word) + "\nfile=\n");
        auto result = takeUsbExportResult(spool, *id);
        REQUIRE(result);
        CHECK(result->outcome == c.outcome);
        CHECK(result->detail.empty());
        if (c.word != "something_new") {
            CHECK(usbExportOutcomeName(c.outcome) == c.word);
        }
    }
}

TEST_CASE("without a helper the wait ends as no_helper and withdraws the request", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    auto id = requestUsbExport(spool, kName, "csv");
    REQUIRE(id.ok());
    int pauses = 0;
    UsbExportResult result = awaitUsbExport(spool, *id, countedWait(&pauses));
    CHECK(result.outcome == UsbExportOutcome::NoHelper);
    CHECK(pauses == 4); // 1000 ms in looks every 250 ms
    // A helper starting late finds nothing to put on the stick.
    CHECK_FALSE(std::filesystem::exists(spool / "request"));
    CHECK_FALSE(std::filesystem::exists(spool / "outgoing" / std::string(kName)));
}

TEST_CASE("the wait returns the answer as soon as the helper writes it", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    auto id = requestUsbExport(spool, kName, "csv");
    REQUIRE(id.ok());
    UsbExportWait wait = countedWait();
    int pauses = 0;
    wait.sleep = [&](std::chrono::milliseconds) {
        if (++pauses == 2) {
            writeText(spool / "result", "id=" + *id + "\noutcome=no_stick\nfile=\n");
        }
    };
    CHECK(awaitUsbExport(spool, *id, wait).outcome == UsbExportOutcome::NoStick);
    CHECK(pauses == 2);
}

TEST_CASE("the real helper script saves the spooled report on a stick folder", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    auto stick = temp.path() / "stick";
    std::filesystem::create_directories(stick);
    std::string csv = "section,date,item,detail,value\r\nsessions,,started,,<5\r\n";
    auto id = requestUsbExport(spool, kName, csv);
    REQUIRE(id.ok());
    CHECK(requestId(spool) == *id);

    // The helper runs when the kiosk first pauses, as the path unit would start it.
    std::string command = "KIOSK_EXPORT_SPOOL='" + spool.string() + "' KIOSK_USB_MOUNT='" +
                          stick.string() + "' KIOSK_EXPORT_USER= KIOSK_EXPORT_REMOUNT=no '" +
                          KIOSK_SOURCE_DIR "/systemd/kiosk-usb-export' 2>/dev/null";
    UsbExportWait wait = countedWait();
    int exitCode = -1;
    wait.sleep = [&](std::chrono::milliseconds) {
        if (exitCode == -1) {
            exitCode = std::system(command.c_str());
        }
    };
    UsbExportResult result = awaitUsbExport(spool, *id, wait);
    CHECK(exitCode == 0);
    CHECK(result.outcome == UsbExportOutcome::Saved);
    CHECK(result.detail == "kiosk-reports/" + std::string(kName));
    CHECK(reportExportSpoolReadText(stick / "kiosk-reports" / std::string(kName)) == csv);
    CHECK(std::filesystem::is_empty(spool / "outgoing"));
}

TEST_CASE("a kiosk shutting down stops waiting for the helper", "[usb_export]") {
    testing::TempDir temp;
    auto spool = usbExportSpoolPath(temp.path());
    auto id = requestUsbExport(spool, kName, "csv");
    REQUIRE(id.ok());
    int pauses = 0;
    UsbExportWait wait = countedWait(&pauses);
    wait.stopping = [&pauses] { return pauses >= 1; };
    CHECK(awaitUsbExport(spool, *id, wait).outcome == UsbExportOutcome::NoHelper);
    CHECK(pauses == 1);
    CHECK_FALSE(std::filesystem::exists(spool / "request"));
}
