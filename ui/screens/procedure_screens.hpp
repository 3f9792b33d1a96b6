// Choosing a procedure: categories and most used, the list of a category, the explanation.
#pragma once

#include "ui/screens/screen_view.hpp"

namespace kiosk::ui {

class ProcedureCategoriesScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class ProcedureListScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
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

} // namespace kiosk::ui
