// DLE EOT reply validation and every status bit's meaning.
#include "drivers/printer/escpos_status.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using escpos::StatusReplies;

TEST_CASE("status byte validity follows the fixed bits 0xx1xx10", "[printer]") {
    CHECK(escpos::isValidStatusByte(0x12));
    CHECK(escpos::isValidStatusByte(0x7E));
    CHECK(escpos::isValidStatusByte(0x1E));
    CHECK_FALSE(escpos::isValidStatusByte(0x00));
    CHECK_FALSE(escpos::isValidStatusByte(0x10)); // bit 1 clear
    CHECK_FALSE(escpos::isValidStatusByte(0x13)); // bit 0 set
    CHECK_FALSE(escpos::isValidStatusByte(0x92)); // bit 7 set
    CHECK_FALSE(escpos::isValidStatusByte(0x02)); // bit 4 clear
}

TEST_CASE("empty, echoed and garbage replies carry no status", "[printer]") {
    CHECK_FALSE(escpos::statusByteFrom(Bytes{}));
    CHECK_FALSE(escpos::statusByteFrom(Bytes{0x10, 0x04}));
    CHECK_FALSE(escpos::statusByteFrom(Bytes{0x00}));
    CHECK(escpos::statusByteFrom(Bytes{0x12}) == std::uint8_t{0x12});
    // Stale replies ahead of the fresh one: the last valid byte wins.
    CHECK(escpos::statusByteFrom(Bytes{0x12, 0x7E}) == std::uint8_t{0x7E});
}

TEST_CASE("no reply at all is Unknown", "[printer]") {
    CHECK(escpos::stateFromStatus({}) == PrinterState::Unknown);
}

TEST_CASE("all-clear replies are Ready", "[printer]") {
    CHECK(escpos::stateFromStatus({0x12, 0x12, 0x12, 0x12}) == PrinterState::Ready);
    CHECK(escpos::stateFromStatus({0x12, std::nullopt, std::nullopt, 0x12}) == PrinterState::Ready);
}

TEST_CASE("printer status bit 3 is offline", "[printer]") {
    CHECK(escpos::decodeStatus({0x1A, {}, {}, {}}).offline);
    CHECK(escpos::stateFromStatus({0x1A, {}, {}, {}}) == PrinterState::Offline);
    CHECK(escpos::decodeStatus({0x32, {}, {}, {}}).waitingForOnlineRecovery);
    CHECK(escpos::decodeStatus({0x52, {}, {}, {}}).feedButtonPressed);
}

TEST_CASE("offline cause bits name cover, button feed, paper-end stop and error", "[printer]") {
    auto cover = escpos::decodeStatus({{}, 0x16, {}, {}});
    CHECK(cover.coverOpen);
    CHECK_FALSE(cover.stoppedByPaperEnd);
    CHECK(escpos::decodeStatus({{}, 0x1A, {}, {}}).feedingByButton);
    CHECK(escpos::decodeStatus({{}, 0x32, {}, {}}).stoppedByPaperEnd);
    CHECK(escpos::decodeStatus({{}, 0x52, {}, {}}).errorOccurred);
    CHECK(escpos::stateFromStatus({0x1A, 0x16, {}, {}}) == PrinterState::CoverOpen);
    CHECK(escpos::stateFromStatus({0x1A, 0x32, {}, {}}) == PrinterState::NoPaper);
    CHECK(escpos::stateFromStatus({0x1A, 0x52, {}, {}}) == PrinterState::Error);
}

TEST_CASE("error cause bits name each error", "[printer]") {
    CHECK(escpos::decodeStatus({{}, {}, 0x16, {}}).recoverableError);
    CHECK(escpos::decodeStatus({{}, {}, 0x1A, {}}).autocutterError);
    CHECK(escpos::decodeStatus({{}, {}, 0x32, {}}).unrecoverableError);
    CHECK(escpos::decodeStatus({{}, {}, 0x52, {}}).autoRecoverableError);
    CHECK(escpos::stateFromStatus({0x12, 0x12, 0x1A, 0x12}) == PrinterState::Error);
}

TEST_CASE("roll paper bits name near-end and end", "[printer]") {
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x1E}).paperNearEnd);
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x16}).paperNearEnd);
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x1A}).paperNearEnd);
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x72}).paperEnd);
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x32}).paperEnd);
    CHECK(escpos::decodeStatus({{}, {}, {}, 0x52}).paperEnd);
    CHECK_FALSE(escpos::decodeStatus({{}, {}, {}, 0x12}).paperEnd);
    CHECK(escpos::stateFromStatus({0x12, 0x12, {}, 0x1E}) == PrinterState::PaperNearEnd);
    CHECK(escpos::stateFromStatus({0x12, 0x12, {}, 0x7E}) == PrinterState::NoPaper);
}

TEST_CASE("paper end outranks cover open, which outranks offline", "[printer]") {
    CHECK(escpos::stateFromStatus({0x1A, 0x36, {}, 0x72}) == PrinterState::NoPaper);
    CHECK(escpos::stateFromStatus({0x1A, 0x16, {}, 0x1E}) == PrinterState::CoverOpen);
}

TEST_CASE("only printable states accept jobs", "[printer]") {
    CHECK(escpos::acceptsJobs(PrinterState::Ready));
    CHECK(escpos::acceptsJobs(PrinterState::PaperNearEnd));
    CHECK(escpos::acceptsJobs(PrinterState::Unknown));
    CHECK_FALSE(escpos::acceptsJobs(PrinterState::NoPaper));
    CHECK_FALSE(escpos::acceptsJobs(PrinterState::CoverOpen));
    CHECK_FALSE(escpos::acceptsJobs(PrinterState::Offline));
    CHECK_FALSE(escpos::acceptsJobs(PrinterState::Error));
    CHECK_FALSE(escpos::acceptsJobs(PrinterState::Disconnected));
}
