// A text field editor for the on-screen keyboard that composes Vietnamese as residents type.
#pragma once

#include "kiosk/input/input_method.hpp"
#include "kiosk/input/secure_buffer.hpp"
#include "kiosk/input/word_composer.hpp"

#include <cstddef>
#include <string_view>

namespace kiosk::input {

// What became of a key: Ignored for control characters and stray combining marks,
// RejectedFull when the field's length limit would be passed.
enum class KeyOutcome : std::uint8_t { Accepted, Ignored, RejectedFull };

// The field's text is always NFC UTF-8. It may hold a resident's name, so every buffer is
// wiped when freed, by clear() and by the destructor; copies are not allowed.
class VietnameseComposer {
public:
    explicit VietnameseComposer(InputMethod method = InputMethod::Telex,
                                ToneStyle style = ToneStyle::Old);
    ~VietnameseComposer();
    VietnameseComposer(const VietnameseComposer&) = delete;
    VietnameseComposer& operator=(const VietnameseComposer&) = delete;
    VietnameseComposer(VietnameseComposer&&) = delete;
    VietnameseComposer& operator=(VietnameseComposer&&) = delete;

    void setMethod(InputMethod method);
    InputMethod method() const { return method_; }
    void setToneStyle(ToneStyle style);
    ToneStyle toneStyle() const { return style_; }
    // Maximum length in codepoints (what the resident sees as characters); 0 = no limit.
    // Text already longer than a new limit is kept; only growth is refused.
    void setMaxLength(std::size_t codepoints) { maxLength_ = codepoints; }
    std::size_t maxLength() const { return maxLength_; }

    // One key from the on-screen keyboard: a letter, digit, punctuation, space, a precomposed
    // Vietnamese letter, or a diacritic key sent as its combining mark (U+0301 etc., see
    // applyMarkKey), which marks the word before the cursor in Telex and VNI and is ignored in
    // Plain. Space and punctuation end the word being composed.
    KeyOutcome type(char32_t key);
    // Types each codepoint of `utf8` in turn (tests, the benchmark, a physical keyboard).
    void typeText(std::string_view utf8);
    // Deletes the character before the cursor; inside a composed word the tone stays on the
    // syllable and moves to the right vowel (loạn -> lọa).
    void backspace();
    // Ends the word being composed without inserting anything (Done, field change).
    void commitWord();

    // The whole field as NFC UTF-8. The view is valid until the next edit.
    std::string_view text() const { return {utf8_.data(), utf8_.size()}; }
    std::size_t length() const { return text_.size(); }
    // Replaces the field (a value read from the ID card, a saved draft). Malformed UTF-8
    // becomes U+FFFD; decomposed Vietnamese is composed; other combining marks are dropped.
    // The cursor goes to the end.
    void setText(std::string_view utf8);
    // Empties the field and wipes every buffer.
    void clear();

    // Cursor position in codepoints (0 = before the first character), clamped to the text.
    void moveCursor(int codepointIndex);
    std::size_t cursor() const { return cursor_; }
    // The cursor as a byte offset into text(), for the renderer.
    std::size_t cursorByteOffset() const;
    // The text before the cursor (as UTF-8); the keyboard uses it to decide on auto-shift.
    std::string_view textBeforeCursor() const { return text().substr(0, cursorByteOffset()); }

private:
    KeyOutcome applyMark(char32_t combining);
    void ensureWordContext();
    // Punctuation ends a word but not its token; a space (or commitWord) ends both.
    enum class Boundary : std::uint8_t { Word, Token };
    void startNewWord(Boundary boundary);
    KeyOutcome insertPlain(char32_t key);
    KeyOutcome replaceWord(WordState& word);
    KeyOutcome restoreTokenWith(char32_t key);
    bool fits(std::size_t removed, std::size_t added) const;
    void replaceRange(std::size_t begin, std::size_t end, std::u32string_view with);
    void refreshUtf8(std::size_t fromIndex);
    void wipeAll() noexcept;

    InputMethod method_;
    ToneStyle style_;
    std::size_t maxLength_ = 0;
    SecureU32String text_;
    SecureString utf8_;
    std::size_t cursor_ = 0;

    // The word being composed occupies [wordStart_, cursor_) of text_. The token is the run of
    // non-space text it belongs to: an e-mail or a code typed with '@' or digits is put back
    // as typed as a whole ("test@" must not keep the "tét" that "test" composed to).
    bool contextValid_ = false;
    WordState word_;
    std::size_t wordStart_ = 0;
    std::size_t tokenStart_ = 0;
    SecureU32String tokenPrefixRaw_;
    bool tokenLiteral_ = false;
    SecureU32String scratch_;
};

} // namespace kiosk::input
