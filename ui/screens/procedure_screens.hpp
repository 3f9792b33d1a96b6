// Choosing a procedure: categories and most used, search, the list of a category, the explanation.
#pragma once

#include "ui/screens/screen_entry.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/row_pages.hpp"

namespace kiosk::ui {

class ProcedureCategoriesScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class ProcedureListScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    RowPages pages_; // on a short screen; back to the first for another field
};

// Typing part of a procedure's name: the box, the matching procedures live, the keyboard.
class ProcedureSearchScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    void resultPages(const FrameContext& ctx, const ProcedureSearchState& search);

    HeldBackspace backspace_;
    RowPages pages_; // of the results; back to the first when the words change
};

class ProcedureInfoScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// "3 000 đ" style amounts, grouped by thousands as Vietnamese write them.
std::string formatDong(long amount);
// The fee line of a procedure in the session's language ("Miễn phí", "2.000 đ mỗi trang"...).
std::string feeText(const FrameContext& ctx, const Fee& fee);
Icon categoryIcon(std::string_view iconId);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry procedureCategoriesScreenEntry();
ScreenEntry procedureListScreenEntry();
ScreenEntry procedureInfoScreenEntry();
ScreenEntry procedureSearchScreenEntry();

} // namespace kiosk::ui
