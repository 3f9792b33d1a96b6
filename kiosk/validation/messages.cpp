// The validation message table: short, plain sentences an elderly resident can act on.
#include "kiosk/validation/messages.hpp"

#include <array>
#include <cassert>
#include <string_view>

namespace kiosk {
namespace {

struct MessageRow {
    std::string_view id;
    std::string_view vi;
    std::string_view en;
};

constexpr std::array<MessageRow, 24> kMessages{{
    {"required", "Xin điền thông tin này.", "Please fill this in."},
    {"too_short", "Cần ít nhất {min} ký tự.", "Needs at least {min} characters."},
    {"too_long", "Không quá {max} ký tự.", "At most {max} characters."},
    {"pattern", "Cách viết chưa đúng.", "This is not written the expected way."},
    {"name.characters", "Họ tên chỉ gồm chữ cái và dấu cách.",
     "A name has letters and spaces only."},
    {"number.not_number", "Xin nhập số (chỉ gồm chữ số).", "Please enter a number (digits only)."},
    {"number.range", "Số phải từ {min} đến {max}.", "The number must be from {min} to {max}."},
    {"date.format", "Xin nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/01/1950.",
     "Please enter the date as day/month/year, e.g. 05/01/1950."},
    {"date.not_real", "Ngày này không có trên lịch.", "This date does not exist."},
    {"date.future", "Ngày này chưa đến; xin kiểm tra lại.",
     "This date is in the future; please check it."},
    {"date.too_early", "Ngày phải từ {min} trở về sau.", "The date must be on or after {min}."},
    {"date.too_old", "Ngày này đã quá lâu cho thủ tục này.",
     "This date is too long ago for this procedure."},
    {"phone.format", "Số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.",
     "A mobile number has 10 digits and starts with 03, 05, 07, 08 or 09."},
    {"phone.prefix", "Đầu số {prefix} không phải số di động Việt Nam.",
     "{prefix} is not a Vietnamese mobile prefix."},
    {"email.format", "Địa chỉ thư điện tử chưa đúng, ví dụ ten@gmail.com.",
     "This email address is not valid, e.g. name@gmail.com."},
    {"select.unknown", "Xin chọn một mục trong danh sách.", "Please choose an item from the list."},
    {"id_number.length", "Số định danh cá nhân gồm đúng 12 chữ số (đang có {count}).",
     "A personal ID number has exactly 12 digits (this has {count})."},
    {"id_number.digits", "Số định danh cá nhân chỉ gồm chữ số.",
     "A personal ID number has digits only."},
    {"id_number.province", "3 số đầu {code} không phải mã tỉnh nơi đăng ký khai sinh.",
     "The first 3 digits {code} are not a province code."},
    {"id_number.century",
     "Số thứ 4 không khớp với năm sinh {year}; xin kiểm tra lại số hoặc ngày sinh.",
     "The 4th digit does not match the birth year {year}; please check the number or the date "
     "of birth."},
    {"id_number.year", "Số thứ 5 và 6 ({digits}) phải là 2 số cuối của năm sinh {year}.",
     "Digits 5 and 6 ({digits}) must be the last two digits of the birth year {year}."},
    {"id_number.sex", "Số thứ 4 không khớp với giới tính đã chọn; xin kiểm tra lại.",
     "The 4th digit does not match the chosen sex; please check."},
    {"group.field_missing", "Thiếu thông tin bắt buộc.", "Required information is missing."},
    {"unknown", "Thông tin chưa hợp lệ.", "This information is not valid."},
}};

std::string fill(std::string_view text, const std::map<std::string, std::string>& params) {
    std::string out(text);
    for (const auto& [key, value] : params) {
        std::string placeholder = "{" + key + "}";
        for (auto at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size())) {
            out.replace(at, placeholder.size(), value);
        }
    }
    return out;
}

} // namespace

FieldProblem makeFieldProblem(const std::string& messageId,
                              std::map<std::string, std::string> params) {
    for (const MessageRow& row : kMessages) {
        if (row.id == messageId) {
            FieldProblem problem;
            problem.messageId = messageId;
            problem.text = LocalText{fill(row.vi, params), fill(row.en, params)};
            problem.params = std::move(params);
            return problem;
        }
    }
    assert(false && "validation message id missing from the table");
    return makeFieldProblem("unknown");
}

} // namespace kiosk
