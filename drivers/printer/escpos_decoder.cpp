// ESC/POS decoding of the commands the kiosk sends (Epson ESC/POS command reference).
#include "drivers/printer/escpos_decoder.hpp"

#include "drivers/printer/escpos_bytes.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace kiosk::escpos {
namespace {

// ESC 2 default line spacing: 1/6 inch, which is 34 dots at 203 dpi.
constexpr int kDefaultLineSpacingDots = 34;
// GS v 0 yL yH: no printer accepts more; a larger value means corrupt input.
constexpr int kMaxRasterRows = 2303;
// A raster band is at most 2303 rows of an 80 mm line; anything larger is corrupt input.
constexpr int kMaxRasterBytesPerRow = 255;

Error unsupported(std::span<const std::uint8_t> bytes) {
    char text[64];
    std::snprintf(text, sizeof text, "unsupported ESC/POS byte 0x%02X", bytes[0]);
    return makeError("escpos.unsupported", text);
}

int word(std::uint8_t low, std::uint8_t high) {
    return low | (high << 8);
}

} // namespace

EscPosDecoder::EscPosDecoder(int paperWidthDots)
    : paperWidth_(paperWidthDots)
    , lineSpacing_(kDefaultLineSpacingDots) {
    current_.image = Bitmap(paperWidth_, 0);
}

Status EscPosDecoder::feed(std::span<const std::uint8_t> bytes) {
    pending_.insert(pending_.end(), bytes.begin(), bytes.end());
    std::size_t offset = 0;
    while (offset < pending_.size()) {
        auto consumed = step(std::span(pending_).subspan(offset));
        if (!consumed) {
            // Drop the bad input so the next job starts clean, as a real printer's ESC @ would.
            pending_.clear();
            return consumed.error();
        }
        if (*consumed == 0) {
            break;
        }
        offset += *consumed;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(offset));
    return ok();
}

Result<std::size_t> EscPosDecoder::step(std::span<const std::uint8_t> b) {
    const std::size_t n = b.size();
    switch (b[0]) {
    case LF:
        feedDots(lineSpacing_);
        return std::size_t{1};
    case DLE:
        if (n < 3) {
            return std::size_t{0};
        }
        // DLE EOT n, n = 1..4 (real-time status).
        if (b[1] == EOT && b[2] >= 1 && b[2] <= 4) {
            statusRequests_.push_back(static_cast<StatusQuery>(b[2]));
            return std::size_t{3};
        }
        return unsupported(b);
    case ESC:
        if (n < 2) {
            return std::size_t{0};
        }
        switch (b[1]) {
        case '@': // ESC @: initialise; line spacing back to default.
            lineSpacing_ = kDefaultLineSpacingDots;
            return std::size_t{2};
        case '2': // ESC 2: default line spacing.
            lineSpacing_ = kDefaultLineSpacingDots;
            return std::size_t{2};
        case '3': // ESC 3 n: line spacing n dots.
            if (n < 3) {
                return std::size_t{0};
            }
            lineSpacing_ = b[2];
            return std::size_t{3};
        case 'd': // ESC d n: print and feed n lines.
            if (n < 3) {
                return std::size_t{0};
            }
            feedDots(b[2] * lineSpacing_);
            return std::size_t{3};
        case 'J': // ESC J n: print and feed n dots.
            if (n < 3) {
                return std::size_t{0};
            }
            feedDots(b[2]);
            return std::size_t{3};
        case 'a': // ESC a n: justification; raster is always full width.
        case 't': // ESC t n: code table; text is never sent as characters.
            return n < 3 ? Result<std::size_t>(std::size_t{0})
                         : Result<std::size_t>(std::size_t{3});
        default:
            return unsupported(b);
        }
    case GS:
        if (n < 2) {
            return std::size_t{0};
        }
        if (b[1] == 'v') {
            // GS v 0 m xL xH yL yH d1...dk
            if (n < 8) {
                return std::size_t{0};
            }
            if (b[2] != '0' || b[3] > 3) {
                return unsupported(b);
            }
            int xBytes = word(b[4], b[5]);
            int rows = word(b[6], b[7]);
            if (xBytes == 0 || rows == 0 || xBytes > kMaxRasterBytesPerRow ||
                rows > kMaxRasterRows) {
                return makeError("escpos.bad_raster", "GS v 0 with an impossible size");
            }
            std::size_t dataLength =
                static_cast<std::size_t>(xBytes) * static_cast<std::size_t>(rows);
            if (n < 8 + dataLength) {
                return std::size_t{0};
            }
            Bitmap band(paperWidth_, rows);
            int copyBytes = std::min(xBytes, band.bytesPerRow());
            for (int row = 0; row < rows; ++row) {
                auto source = b.subspan(8 + static_cast<std::size_t>(row * xBytes),
                                        static_cast<std::size_t>(copyBytes));
                std::copy(source.begin(), source.end(), band.row(row).begin());
            }
            // Dots beyond the paper width fall off the edge of the head.
            if (paperWidth_ % 8 != 0) {
                auto keep = static_cast<std::uint8_t>(0xFF << (8 - paperWidth_ % 8));
                for (int row = 0; row < rows; ++row) {
                    band.row(row).back() &= keep;
                }
            }
            current_.image.appendBelow(band);
            current_.rasterCommands += 1;
            return 8 + dataLength;
        }
        if (b[1] == 'V') {
            // GS V m (m = 0, 1, 48, 49) or GS V m n (m = 65, 66: feed n lines, then cut).
            if (n < 3) {
                return std::size_t{0};
            }
            std::uint8_t m = b[2];
            if (m == 0 || m == 48 || m == 1 || m == 49) {
                finishPage(m == 0 || m == 48 ? CutMode::Full : CutMode::Partial);
                return std::size_t{3};
            }
            if (m == 65 || m == 66) {
                if (n < 4) {
                    return std::size_t{0};
                }
                feedDots(b[3] * lineSpacing_);
                finishPage(m == 65 ? CutMode::Full : CutMode::Partial);
                return std::size_t{4};
            }
            return unsupported(b);
        }
        if (b[1] == '(') {
            // GS ( k pL pH cn fn ...: only cn = 49 (QR) is sent.
            if (n < 5) {
                return std::size_t{0};
            }
            if (b[2] != 'k') {
                return unsupported(b);
            }
            std::size_t length = static_cast<std::size_t>(word(b[3], b[4]));
            if (n < 5 + length) {
                return std::size_t{0};
            }
            if (length < 2 || b[5] != 49) {
                return makeError("escpos.bad_qr", "GS ( k that is not a QR code function");
            }
            if (b[6] == 80 && length >= 3) {
                current_.nativeQrCodes.emplace_back(
                    b.begin() + 8, b.begin() + 5 + static_cast<std::ptrdiff_t>(length));
            }
            return 5 + length;
        }
        return unsupported(b);
    default:
        return unsupported(b);
    }
}

void EscPosDecoder::feedDots(int dots) {
    current_.image.appendWhiteRows(dots);
}

void EscPosDecoder::finishPage(CutMode mode) {
    current_.cut = mode;
    finished_.push_back(std::move(current_));
    current_ = DecodedPage{};
    current_.image = Bitmap(paperWidth_, 0);
}

std::vector<DecodedPage> EscPosDecoder::takeFinishedPages() {
    return std::exchange(finished_, {});
}

std::vector<StatusQuery> EscPosDecoder::takeStatusRequests() {
    return std::exchange(statusRequests_, {});
}

Result<std::vector<DecodedPage>> decodeEscPos(std::span<const std::uint8_t> bytes,
                                              int paperWidthDots) {
    EscPosDecoder decoder(paperWidthDots);
    if (auto fed = decoder.feed(bytes); !fed) {
        return fed.error();
    }
    if (decoder.pendingBytes() != 0) {
        return makeError("escpos.truncated", "the byte stream ends inside a command");
    }
    auto pages = decoder.takeFinishedPages();
    if (decoder.currentPage().image.height() > 0 || decoder.currentPage().rasterCommands > 0) {
        pages.push_back(decoder.currentPage());
    }
    return pages;
}

} // namespace kiosk::escpos
