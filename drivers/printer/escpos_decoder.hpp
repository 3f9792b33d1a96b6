// Turns ESC/POS bytes back into paper: the simulated printer's "print head" and the test oracle.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"
#include "drivers/printer/escpos_encoder.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::escpos {

// One length of paper between two cuts.
struct DecodedPage {
    Bitmap image;               // raster and feeds, at the paper width
    std::optional<CutMode> cut; // how it was cut off; none while still printing
    std::vector<std::string>
        nativeQrCodes;      // GS ( k symbols printed (the decoder does not draw them)
    int rasterCommands = 0; // GS v 0 blocks seen (bands)
};

// Accepts bytes in any slicing (a command may straddle two USB writes) and keeps what is not
// complete yet. Only the subset the kiosk sends, plus harmless mode commands, is understood;
// anything else is an error so tests notice when the encoder emits something unexpected.
class EscPosDecoder {
public:
    explicit EscPosDecoder(int paperWidthDots);

    Status feed(std::span<const std::uint8_t> bytes);

    // Pages finished by a cut since the last call.
    std::vector<DecodedPage> takeFinishedPages();
    // DLE EOT n requests seen since the last call, in order (the peer answers them).
    std::vector<StatusQuery> takeStatusRequests();
    // What is on the paper after the last cut.
    const DecodedPage& currentPage() const { return current_; }
    // Bytes held back because their command is not complete yet.
    std::size_t pendingBytes() const { return pending_.size(); }

private:
    // Parses one command at the start of `bytes`: the bytes consumed, 0 when incomplete.
    Result<std::size_t> step(std::span<const std::uint8_t> bytes);
    void feedDots(int dots);
    void finishPage(CutMode mode);

    int paperWidth_;
    int lineSpacing_;
    Bytes pending_;
    DecodedPage current_;
    std::vector<DecodedPage> finished_;
    std::vector<StatusQuery> statusRequests_;
};

// The whole of `bytes` in one go; unfinished trailing paper becomes a last page without a cut.
Result<std::vector<DecodedPage>> decodeEscPos(std::span<const std::uint8_t> bytes,
                                              int paperWidthDots);

} // namespace kiosk::escpos
