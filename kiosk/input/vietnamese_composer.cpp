// The field editor: word boundaries, cursor, length limit, restoring non-Vietnamese tokens.
#include "kiosk/input/vietnamese_composer.hpp"

#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::input {
namespace {

bool isWhitespace(char32_t c) {
    return c == U' ' || c == U'\n' || c == 0x00A0 || c == 0x3000;
}

// Punctuation ends a word but not the token: "Nguyễn," keeps its diacritics, while a later
// '@' in "a.b@" still restores the whole token.
bool isSeparator(char32_t c) {
    if (isWhitespace(c)) {
        return true;
    }
    constexpr std::u32string_view punctuation = U".,;:!?()[]{}\"'-/…«»“”‘’";
    return punctuation.find(c) != std::u32string_view::npos;
}

bool isCodeCharacter(char32_t c) {
    return !isSeparator(c) && !decomposeLetter(c);
}

// Control characters and stray combining marks would break the field's NFC guarantee or
// its single-line display; the keyboard never sends them on purpose.
bool isIgnorable(char32_t c) {
    return (c < 0x20 && c != U'\n') || (c >= 0x7F && c <= 0x9F) || isCombiningMark(c) ||
           (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
}

std::size_t utf8Length(char32_t c) {
    if (c < 0x80) {
        return 1;
    }
    if (c < 0x800) {
        return 2;
    }
    return c < 0x10000 ? 3 : 4;
}

} // namespace

VietnameseComposer::VietnameseComposer(InputMethod method, ToneStyle style)
    : method_(method)
    , style_(style) {}

VietnameseComposer::~VietnameseComposer() {
    wipeAll();
}

void VietnameseComposer::setMethod(InputMethod method) {
    method_ = method;
    contextValid_ = false;
}

void VietnameseComposer::setToneStyle(ToneStyle style) {
    style_ = style;
}

KeyOutcome VietnameseComposer::type(char32_t key) {
    if (isCombiningMark(key)) {
        return applyMark(key);
    }
    if (isIgnorable(key)) {
        return KeyOutcome::Ignored;
    }
    if (method_ == InputMethod::Plain) {
        contextValid_ = false;
        return insertPlain(key);
    }
    ensureWordContext();
    if (isSeparator(key)) {
        SecureU32String finishedRaw = word_.raw;
        const KeyOutcome outcome = insertPlain(key);
        if (outcome != KeyOutcome::Accepted) {
            return outcome;
        }
        if (isWhitespace(key)) {
            startNewWord(Boundary::Token);
        } else {
            tokenPrefixRaw_ += finishedRaw;
            tokenPrefixRaw_.push_back(key);
            startNewWord(Boundary::Word);
        }
        return outcome;
    }
    WordState next = word_;
    if (tokenLiteral_ && next.mode == WordMode::Composing) {
        scratch_.clear();
        renderWord(next, style_, scratch_);
        next.literal = scratch_;
        next.mode = WordMode::Literal;
    }
    if (applyKey(next, key, method_, style_) == KeyEffect::NotWordKey) {
        return restoreTokenWith(key);
    }
    return replaceWord(next);
}

KeyOutcome VietnameseComposer::applyMark(char32_t combining) {
    if (method_ == InputMethod::Plain) {
        return KeyOutcome::Ignored;
    }
    ensureWordContext();
    if (tokenLiteral_) {
        return KeyOutcome::Ignored;
    }
    WordState next = word_;
    if (applyMarkKey(next, combining, method_) != KeyEffect::Applied) {
        return KeyOutcome::Ignored;
    }
    return replaceWord(next);
}

void VietnameseComposer::typeText(std::string_view utf8) {
    std::size_t position = 0;
    bool valid = true;
    while (position < utf8.size()) {
        type(decodeUtf8At(utf8, position, valid));
    }
}

void VietnameseComposer::backspace() {
    if (cursor_ == 0) {
        return;
    }
    if (method_ != InputMethod::Plain) {
        ensureWordContext();
        if (word_.mode == WordMode::Composing && cursor_ > wordStart_ && !word_.letters.empty()) {
            WordState next = word_;
            eraseLastCharacter(next, method_, style_);
            replaceWord(next);
            return;
        }
    }
    // Outside a composed word, delete one codepoint and rebuild the word state on the next key.
    text_.erase(cursor_ - 1, 1);
    --cursor_;
    contextValid_ = false;
    refreshUtf8(cursor_);
}

void VietnameseComposer::commitWord() {
    startNewWord(Boundary::Token);
}

void VietnameseComposer::setText(std::string_view utf8) {
    wipeAll();
    std::size_t position = 0;
    bool valid = true;
    while (position < utf8.size()) {
        const char32_t c = decodeUtf8At(utf8, position, valid);
        if (isCombiningMark(c)) {
            // Decomposed Vietnamese (from some other system) is folded into the letter before.
            if (!text_.empty()) {
                if (auto parts = decomposeLetter(text_.back())) {
                    if (foldCombiningMark(*parts, c)) {
                        text_.back() = *composeLetter(*parts);
                    }
                }
            }
            continue;
        }
        if (!isIgnorable(c)) {
            text_.push_back(c);
        }
    }
    cursor_ = text_.size();
    contextValid_ = false;
    refreshUtf8(0);
}

void VietnameseComposer::clear() {
    wipeAll();
    cursor_ = 0;
    contextValid_ = false;
    refreshUtf8(0);
}

void VietnameseComposer::moveCursor(int codepointIndex) {
    const auto clamped =
        std::clamp<long long>(codepointIndex, 0, static_cast<long long>(text_.size()));
    // A touch on the spot where the cursor already is keeps the word being composed.
    if (static_cast<std::size_t>(clamped) == cursor_) {
        return;
    }
    cursor_ = static_cast<std::size_t>(clamped);
    contextValid_ = false;
}

std::size_t VietnameseComposer::cursorByteOffset() const {
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < cursor_; ++i) {
        bytes += utf8Length(text_[i]);
    }
    return bytes;
}

// Rebuilds the word and token state from the text before the cursor, so that a touch that
// moved the cursor, or setText, leaves a field that composes like one typed key by key.
void VietnameseComposer::ensureWordContext() {
    if (contextValid_) {
        return;
    }
    std::size_t wordStart = cursor_;
    while (wordStart > 0 && !isSeparator(text_[wordStart - 1])) {
        --wordStart;
    }
    std::size_t tokenStart = wordStart;
    while (tokenStart > 0 && !isWhitespace(text_[tokenStart - 1])) {
        --tokenStart;
    }
    const std::u32string_view all(text_.data(), text_.size());
    WordState rebuilt = parseWord(all.substr(wordStart, cursor_ - wordStart), method_);
    wipeWord(word_);
    word_ = std::move(rebuilt);
    wordStart_ = wordStart;
    tokenStart_ = tokenStart;
    wipeContainer(tokenPrefixRaw_);
    tokenPrefixRaw_.assign(all.substr(tokenStart, wordStart - tokenStart));
    const auto token = all.substr(tokenStart, cursor_ - tokenStart);
    tokenLiteral_ = std::any_of(token.begin(), token.end(), isCodeCharacter);
    contextValid_ = true;
}

void VietnameseComposer::startNewWord(Boundary boundary) {
    wipeWord(word_);
    wordStart_ = cursor_;
    if (boundary == Boundary::Token) {
        tokenStart_ = cursor_;
        wipeContainer(tokenPrefixRaw_);
        tokenLiteral_ = false;
    }
    contextValid_ = true;
}

KeyOutcome VietnameseComposer::insertPlain(char32_t key) {
    if (!fits(0, 1)) {
        return KeyOutcome::RejectedFull;
    }
    text_.insert(cursor_, 1, key);
    refreshUtf8(cursor_);
    ++cursor_;
    return KeyOutcome::Accepted;
}

KeyOutcome VietnameseComposer::replaceWord(WordState& word) {
    scratch_.clear();
    renderWord(word, style_, scratch_);
    if (!fits(cursor_ - wordStart_, scratch_.size())) {
        return KeyOutcome::RejectedFull;
    }
    replaceRange(wordStart_, cursor_, scratch_);
    cursor_ = wordStart_ + scratch_.size();
    wipeWord(word_);
    word_ = std::move(word);
    refreshUtf8(wordStart_);
    return KeyOutcome::Accepted;
}

// A key that cannot be in a Vietnamese word ('@', a digit in Telex) means the token is an
// e-mail, a code or a number: put back what was typed and stop composing until a space.
KeyOutcome VietnameseComposer::restoreTokenWith(char32_t key) {
    SecureU32String restored = tokenPrefixRaw_;
    restored += word_.raw;
    restored.push_back(key);
    if (!fits(cursor_ - tokenStart_, restored.size())) {
        return KeyOutcome::RejectedFull;
    }
    replaceRange(tokenStart_, cursor_, restored);
    cursor_ = tokenStart_ + restored.size();
    wipeWord(word_);
    word_.mode = WordMode::Literal;
    word_.literal = restored;
    word_.raw = restored;
    wordStart_ = tokenStart_;
    wipeContainer(tokenPrefixRaw_);
    tokenLiteral_ = true;
    refreshUtf8(wordStart_);
    return KeyOutcome::Accepted;
}

bool VietnameseComposer::fits(std::size_t removed, std::size_t added) const {
    if (maxLength_ == 0 || added <= removed) {
        return true;
    }
    return text_.size() - removed + added <= maxLength_;
}

void VietnameseComposer::replaceRange(std::size_t begin, std::size_t end,
                                      std::u32string_view with) {
    text_.replace(begin, end - begin, with.data(), with.size());
}

// Text before `fromIndex` is unchanged, so only the rest is encoded again.
void VietnameseComposer::refreshUtf8(std::size_t fromIndex) {
    std::size_t keptBytes = 0;
    for (std::size_t i = 0; i < fromIndex; ++i) {
        keptBytes += utf8Length(text_[i]);
    }
    utf8_.resize(keptBytes);
    for (std::size_t i = fromIndex; i < text_.size(); ++i) {
        appendUtf8(utf8_, text_[i]);
    }
}

void VietnameseComposer::wipeAll() noexcept {
    wipeContainer(text_);
    wipeContainer(utf8_);
    wipeContainer(scratch_);
    wipeContainer(tokenPrefixRaw_);
    wipeWord(word_);
    tokenLiteral_ = false;
    wordStart_ = 0;
    tokenStart_ = 0;
}

} // namespace kiosk::input
