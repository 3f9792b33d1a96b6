// JSON reading of procedure files with every problem reported as file, path and reason.
#include "kiosk/procedure/procedure_loader.hpp"

#include "kiosk/content/content_json_reader.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace kiosk {
namespace {

using nlohmann::json;

// Every procedure problem carries the same error code.
class ProcedureReader : public ContentJsonReader {
public:
    explicit ProcedureReader(std::string origin)
        : ContentJsonReader(std::move(origin), "procedure_invalid") {}
};

void checkFormat(const json& document, ProcedureReader& reader) {
    auto format = reader.integer(document, "$", "format");
    if (format && *format != 1) {
        reader.problem("$.format",
                       "is " + std::to_string(*format) + ", this kiosk reads format 1 only");
    }
}

std::optional<FieldType> fieldTypeFrom(const std::string& name) {
    static constexpr std::pair<std::string_view, FieldType> kTypes[] = {
        {"text", FieldType::Text},     {"name", FieldType::Name},
        {"date", FieldType::Date},     {"number", FieldType::Number},
        {"phone", FieldType::Phone},   {"id_number", FieldType::IdNumber},
        {"select", FieldType::Select}, {"email", FieldType::Email}};
    for (const auto& [text, type] : kTypes) {
        if (text == name) {
            return type;
        }
    }
    return std::nullopt;
}

bool isIsoDate(const std::string& text) {
    static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(text, kDate);
}

FieldRule readRule(const json& field, const std::string& path, ProcedureReader& reader) {
    FieldRule rule;
    const json* object = reader.member(field, path, "rule", false);
    if (object == nullptr) {
        return rule;
    }
    std::string here = path + ".rule";
    static const std::set<std::string> kKnown{"min_length", "max_length",   "pattern",
                                              "min_value",  "max_value",    "not_future",
                                              "not_before", "max_age_days", "date_of_birth_field",
                                              "sex_field",  "required_if"};
    if (object->is_object()) {
        for (const auto& item : object->items()) {
            if (!kKnown.contains(item.key())) {
                reader.problem(here + "." + item.key(), "is not a known rule");
            }
        }
    }
    auto asInt = [](std::optional<long> v) -> std::optional<int> {
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    rule.minLength = asInt(reader.integer(*object, here, "min_length", false));
    rule.maxLength = asInt(reader.integer(*object, here, "max_length", false));
    rule.minValue = reader.integer(*object, here, "min_value", false);
    rule.maxValue = reader.integer(*object, here, "max_value", false);
    rule.maxAgeDays = asInt(reader.integer(*object, here, "max_age_days", false));
    rule.notFuture = reader.flag(*object, here, "not_future", false);
    if (object->contains("pattern")) {
        std::string pattern = reader.text(*object, here, "pattern");
        try {
            std::regex compiled(pattern);
            rule.pattern = pattern;
        } catch (const std::regex_error&) {
            reader.problem(here + ".pattern", "is not a valid regular expression");
        }
    }
    if (object->contains("not_before")) {
        std::string date = reader.text(*object, here, "not_before");
        if (!isIsoDate(date)) {
            reader.problem(here + ".not_before", "must be a date written yyyy-mm-dd");
        } else {
            rule.notBefore = date;
        }
    }
    if (object->contains("date_of_birth_field")) {
        rule.dateOfBirthField = reader.text(*object, here, "date_of_birth_field");
    }
    if (object->contains("sex_field")) {
        rule.sexField = reader.text(*object, here, "sex_field");
    }
    if (const json* condition = reader.member(*object, here, "required_if", false)) {
        std::string other = reader.text(*condition, here + ".required_if", "field");
        std::string equals = reader.text(*condition, here + ".required_if", "equals");
        rule.requiredIf = FieldRule::Condition{other, equals};
    }
    if (rule.minLength && rule.maxLength && *rule.minLength > *rule.maxLength) {
        reader.problem(here, "min_length is larger than max_length");
    }
    if (rule.minValue && rule.maxValue && *rule.minValue > *rule.maxValue) {
        reader.problem(here, "min_value is larger than max_value");
    }
    return rule;
}

std::optional<Field::PrefillCondition>
readPrefillCondition(const json& object, const std::string& here, ProcedureReader& reader) {
    if (!object.is_object()) {
        reader.problem(here, "must be an object {\"field\": id, \"any_of\": [answers]}");
        return std::nullopt;
    }
    Field::PrefillCondition condition;
    condition.field = reader.text(object, here, "field");
    if (const json* answers = reader.array(object, here, "any_of")) {
        for (const json& answer : *answers) {
            if (!answer.is_string() || answer.get<std::string>().empty()) {
                reader.problem(here + ".any_of", "must list answers (picker item ids) as text");
                return std::nullopt;
            }
            condition.anyOf.push_back(answer.get<std::string>());
        }
    }
    if (condition.anyOf.empty()) {
        reader.problem(here + ".any_of", "must list at least one answer");
        return std::nullopt;
    }
    return condition;
}

std::vector<FieldGroup> readGroups(const json& document, ProcedureReader& reader) {
    std::vector<FieldGroup> groups;
    const json* list = reader.array(document, "$", "groups");
    if (list == nullptr) {
        return groups;
    }
    if (list->empty()) {
        reader.problem("$.groups", "must hold at least one group");
    }
    std::set<std::string> seen;
    for (std::size_t g = 0; g < list->size(); ++g) {
        const json& item = (*list)[g];
        std::string path = "$.groups[" + std::to_string(g) + "]";
        FieldGroup group;
        group.id = reader.text(item, path, "id");
        if (!group.id.empty() && !seen.insert("group:" + group.id).second) {
            reader.problem(path + ".id", "group \"" + group.id + "\" is used twice");
        }
        group.title = reader.local(item, path, "title");
        group.optional = reader.flag(item, path, "optional", false);
        const json* fields = reader.array(item, path, "fields");
        if (fields != nullptr) {
            for (std::size_t f = 0; f < fields->size(); ++f) {
                const json& entry = (*fields)[f];
                std::string here = path + ".fields[" + std::to_string(f) + "]";
                Field field;
                field.id = reader.text(entry, here, "id");
                if (!field.id.empty() && !seen.insert(field.id).second) {
                    reader.problem(here + ".id", "\"" + field.id + "\" is used twice");
                }
                field.label = reader.local(entry, here, "label");
                std::string type = reader.text(entry, here, "type");
                if (auto parsed = fieldTypeFrom(type)) {
                    field.type = *parsed;
                } else if (!type.empty()) {
                    reader.problem(here + ".type",
                                   "\"" + type +
                                       "\" is not one of text, name, date, number, phone, "
                                       "id_number, select, email");
                }
                field.required = reader.flag(entry, here, "required", true);
                field.rule = readRule(entry, here, reader);
                if (entry.contains("prefill")) {
                    field.prefill = reader.text(entry, here, "prefill");
                }
                if (entry.contains("prefill_when")) {
                    field.prefillWhen =
                        readPrefillCondition(entry["prefill_when"], here + ".prefill_when", reader);
                }
                if (entry.contains("picker")) {
                    field.picker = reader.text(entry, here, "picker");
                }
                if (field.type == FieldType::Select && !field.picker) {
                    reader.problem(here + ".picker", "a select field needs a picker list id");
                }
                group.fields.push_back(std::move(field));
            }
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<DocumentRequirement> readDocuments(const json& document, ProcedureReader& reader) {
    std::vector<DocumentRequirement> out;
    const json* list = reader.array(document, "$", "documents");
    if (list == nullptr) {
        return out;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        std::string path = "$.documents[" + std::to_string(i) + "]";
        DocumentRequirement doc;
        doc.id = reader.text(item, path, "id");
        if (!doc.id.empty() && !seen.insert(doc.id).second) {
            reader.problem(path + ".id", "document \"" + doc.id + "\" is used twice");
        }
        doc.name = reader.local(item, path, "name");
        std::string form = reader.text(item, path, "form");
        if (form == "original") {
            doc.form = DocumentForm::Original;
        } else if (form == "copy") {
            doc.form = DocumentForm::Copy;
        } else if (!form.empty()) {
            reader.problem(path + ".form", "must be \"original\" or \"copy\"");
        }
        auto count = reader.integer(item, path, "count");
        if (count && (*count < 1 || *count > 20)) {
            reader.problem(path + ".count", "must be from 1 to 20");
        }
        doc.count = count ? static_cast<int>(*count) : 1;
        doc.required = reader.flag(item, path, "required", true);
        out.push_back(std::move(doc));
    }
    return out;
}

Fee readFee(const json& document, ProcedureReader& reader) {
    Fee fee;
    const json* object = reader.member(document, "$", "fee", true);
    if (object == nullptr) {
        return fee;
    }
    std::string kind = reader.text(*object, "$.fee", "kind");
    if (kind == "free") {
        fee.kind = FeeKind::Free;
    } else if (kind == "fixed") {
        fee.kind = FeeKind::Fixed;
    } else if (kind == "per_copy") {
        fee.kind = FeeKind::PerCopy;
    } else if (kind == "per_page") {
        fee.kind = FeeKind::PerPage;
    } else if (kind == "ask_at_desk") {
        fee.kind = FeeKind::AskAtDesk;
    } else if (!kind.empty()) {
        reader.problem("$.fee.kind", "must be free, fixed, per_copy, per_page or ask_at_desk");
    }
    auto amount = reader.integer(*object, "$.fee", "amount_dong");
    if (amount && *amount < 0) {
        reader.problem("$.fee.amount_dong", "must not be negative");
    }
    fee.amountDong = amount.value_or(0);
    if ((fee.kind == FeeKind::Free || fee.kind == FeeKind::AskAtDesk) && fee.amountDong != 0) {
        reader.problem("$.fee.amount_dong", "must be 0 when the fee kind is " + kind);
    }
    if ((fee.kind == FeeKind::Fixed || fee.kind == FeeKind::PerCopy ||
         fee.kind == FeeKind::PerPage) &&
        fee.amountDong == 0) {
        reader.problem("$.fee.amount_dong", "must be more than 0 for a " + kind + " fee");
    }
    fee.note = reader.local(*object, "$.fee", "note");
    return fee;
}

ProcessingTime readProcessing(const json& document, ProcedureReader& reader) {
    ProcessingTime time;
    const json* object = reader.member(document, "$", "processing", true);
    if (object == nullptr) {
        return time;
    }
    time.text = reader.local(*object, "$.processing", "text");
    auto days = reader.integer(*object, "$.processing", "working_days");
    if (days && (*days < 0 || *days > 60)) {
        reader.problem("$.processing.working_days", "must be from 0 to 60");
    }
    time.workingDays = static_cast<int>(days.value_or(0));
    std::string cutoff = reader.text(*object, "$.processing", "cutoff", false);
    if (!cutoff.empty()) {
        static const std::regex kTime(R"(([01]\d|2[0-3]):([0-5]\d))");
        std::smatch match;
        if (std::regex_match(cutoff, match, kTime)) {
            time.cutoffHour = std::stoi(match[1]);
            time.cutoffMinute = std::stoi(match[2]);
        } else {
            reader.problem("$.processing.cutoff", "must be a time written HH:MM");
        }
    }
    return time;
}

// Every picture the hand-off walkthrough names must be in the pack, so the kiosk never shows a
// placeholder for a typo.
std::vector<std::string> missingHandOffImages(const Procedure& procedure,
                                              const std::filesystem::path& contentDir,
                                              const std::string& origin) {
    std::vector<std::string> problems;
    for (const char* key : {"steps", "vneid_steps"}) {
        const auto& steps =
            std::string(key) == "steps" ? procedure.handOff.steps : procedure.handOff.vneidSteps;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            std::error_code ec;
            if (!steps[i].image.empty() &&
                !std::filesystem::is_regular_file(contentDir / steps[i].image, ec)) {
                problems.push_back(origin + ": $.handoff." + key + "[" + std::to_string(i) +
                                   "].image: image file \"" + steps[i].image +
                                   "\" is not in the content pack");
            }
        }
    }
    return problems;
}

PhoneHandOff readHandOff(const json& document, ProcedureReader& reader) {
    PhoneHandOff handOff;
    const json* object = reader.member(document, "$", "handoff", true);
    if (object == nullptr) {
        return handOff;
    }
    handOff.portalUrl = reader.text(*object, "$.handoff", "portal_url");
    if (!handOff.portalUrl.empty() && handOff.portalUrl.rfind("https://", 0) != 0) {
        reader.problem("$.handoff.portal_url", "must start with https://");
    }
    for (const char* key : {"steps", "vneid_steps"}) {
        const json* steps = reader.array(*object, "$.handoff", key, std::string(key) == "steps");
        if (steps == nullptr) {
            continue;
        }
        for (std::size_t i = 0; i < steps->size(); ++i) {
            std::string path = std::string("$.handoff.") + key + "[" + std::to_string(i) + "]";
            json wrapper = {{"step", (*steps)[i]}};
            HandOffStep step;
            step.text = reader.local(wrapper, path, "step");
            if ((*steps)[i].is_object() && (*steps)[i].contains("image")) {
                step.image = reader.text((*steps)[i], path, "image");
                if (!step.image.empty() && !isInsidePack(step.image)) {
                    reader.problem(path + ".image",
                                   "\"" + step.image + "\" must be a path inside the content pack");
                    step.image.clear();
                } else if (!step.image.empty() && !isPictureFile(step.image)) {
                    reader.problem(path + ".image",
                                   "\"" + step.image + "\" must be a PNG or JPEG picture");
                    step.image.clear();
                }
            }
            (std::string(key) == "steps" ? handOff.steps : handOff.vneidSteps).push_back(step);
        }
    }
    return handOff;
}

std::vector<std::string> readKeywords(const json& document, ProcedureReader& reader) {
    std::vector<std::string> out;
    const json* list = reader.array(document, "$", "keywords", false);
    if (list == nullptr) {
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        std::string path = "$.keywords[" + std::to_string(i) + "]";
        if (!item.is_string() || item.get<std::string>().empty()) {
            reader.problem(path, "must be a non-empty string");
            continue;
        }
        // A keyword is a few words a resident might type, not a description.
        if (item.get<std::string>().size() > 80) {
            reader.problem(path, "is longer than 80 bytes");
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

constexpr std::string_view kPayloadKeys[] = {"ChuHoSo", "MaDoiTuong", "SoDienThoai", "Email",
                                             "TrichYeuHoSo"};

} // namespace

Result<Procedure> parseProcedure(const std::string& jsonText, const std::string& origin) {
    ProcedureReader reader(origin);
    auto document = reader.parse(jsonText);
    if (!document) {
        return reader.error();
    }
    const json& doc = *document;
    checkFormat(doc, reader);
    Procedure procedure;
    procedure.code = reader.text(doc, "$", "code");
    static const std::regex kCode(R"(\d\.\d{6})");
    if (!procedure.code.empty() && !std::regex_match(procedure.code, kCode)) {
        reader.problem("$.code", "\"" + procedure.code +
                                     "\" is not a procedure code like 1.001193 (mã TTHC)");
    }
    procedure.category = reader.text(doc, "$", "category");
    procedure.popularity = static_cast<int>(reader.integer(doc, "$", "popularity").value_or(0));
    procedure.name = reader.local(doc, "$", "name");
    procedure.keywords = readKeywords(doc, reader);
    procedure.purpose = reader.local(doc, "$", "purpose");
    procedure.whoMayApply = reader.local(doc, "$", "who_may_apply");
    procedure.resultReturnedAt = reader.local(doc, "$", "result_returned_at");
    procedure.agency = reader.local(doc, "$", "agency");
    procedure.groups = readGroups(doc, reader);
    procedure.documents = readDocuments(doc, reader);
    procedure.fee = readFee(doc, reader);
    procedure.processing = readProcessing(doc, reader);
    procedure.handOff = readHandOff(doc, reader);

    if (const json* payload = reader.member(doc, "$", "payload", true)) {
        if (payload->is_object()) {
            for (const auto& item : payload->items()) {
                std::string path = "$.payload." + item.key();
                if (std::find(std::begin(kPayloadKeys), std::end(kPayloadKeys), item.key()) ==
                    std::end(kPayloadKeys)) {
                    reader.problem(path, "is not a payload key this kiosk fills");
                    continue;
                }
                if (!item.value().is_string()) {
                    reader.problem(path, "must name a field id");
                    continue;
                }
                std::string fieldId = item.value().get<std::string>();
                if (procedure.findField(fieldId) == nullptr) {
                    reader.problem(path, "names field \"" + fieldId + "\" which does not exist");
                    continue;
                }
                procedure.payloadFields[item.key()] = fieldId;
            }
            for (const char* key : {"ChuHoSo", "MaDoiTuong"}) {
                if (!payload->contains(key)) {
                    reader.problem(std::string("$.payload.") + key,
                                   "is missing (the dossier owner must be named)");
                }
            }
        } else {
            reader.problem("$.payload", "must be an object");
        }
    }
    // Cross-field rules must name fields of this procedure.
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            std::string path = "$.groups." + group.id + "." + field.id + ".rule";
            for (const auto* other : {&field.rule.dateOfBirthField, &field.rule.sexField}) {
                if (*other && procedure.findField(**other) == nullptr) {
                    reader.problem(path, "names field \"" + **other + "\" which does not exist");
                }
            }
            if (field.rule.requiredIf &&
                procedure.findField(field.rule.requiredIf->field) == nullptr) {
                reader.problem(path + ".required_if", "names field \"" +
                                                          field.rule.requiredIf->field +
                                                          "\" which does not exist");
            }
            if (field.prefillWhen) {
                std::string here = "$.groups." + group.id + "." + field.id + ".prefill_when";
                const Field* asked = procedure.findField(field.prefillWhen->field);
                if (!field.prefill) {
                    reader.problem(here, "needs a prefill source to apply");
                }
                if (asked == nullptr) {
                    reader.problem(here, "names field \"" + field.prefillWhen->field +
                                             "\" which does not exist");
                } else if (asked->type != FieldType::Select) {
                    reader.problem(here, "\"" + asked->id + "\" is not a select field");
                }
            }
            if ((field.rule.dateOfBirthField || field.rule.sexField) &&
                field.type != FieldType::IdNumber) {
                reader.problem(path, "date_of_birth_field and sex_field are for id_number fields");
            }
            if (field.rule.dateOfBirthField) {
                const Field* dob = procedure.findField(*field.rule.dateOfBirthField);
                if (dob != nullptr && dob->type != FieldType::Date) {
                    reader.problem(path + ".date_of_birth_field",
                                   "\"" + dob->id + "\" is not a date field");
                }
            }
            if (field.rule.sexField) {
                const Field* sex = procedure.findField(*field.rule.sexField);
                if (sex != nullptr && sex->picker != "sex") {
                    reader.problem(path + ".sex_field",
                                   "\"" + sex->id + "\" is not a field with the sex picker");
                }
            }
        }
    }
    if (reader.failed()) {
        return reader.error();
    }
    return procedure;
}

Result<PickerList> parsePickerList(const std::string& jsonText, const std::string& origin) {
    ProcedureReader reader(origin);
    auto document = reader.parse(jsonText);
    if (!document) {
        return reader.error();
    }
    checkFormat(*document, reader);
    PickerList list;
    list.id = reader.text(*document, "$", "id");
    list.sampleData = reader.flag(*document, "$", "sample_data", false);
    if (const json* items = reader.array(*document, "$", "items")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            std::string path = "$.items[" + std::to_string(i) + "]";
            PickerItem item;
            item.id = reader.text((*items)[i], path, "id");
            if (!item.id.empty() && !seen.insert(item.id).second) {
                reader.problem(path + ".id", "\"" + item.id + "\" is used twice");
            }
            item.label = reader.local((*items)[i], path, "label");
            item.parent = reader.text((*items)[i], path, "parent", false);
            list.items.push_back(std::move(item));
        }
    }
    if (reader.failed()) {
        return reader.error();
    }
    return list;
}

Result<std::vector<Category>> parseCategories(const std::string& jsonText,
                                              const std::string& origin) {
    ProcedureReader reader(origin);
    auto document = reader.parse(jsonText);
    if (!document) {
        return reader.error();
    }
    checkFormat(*document, reader);
    std::vector<Category> out;
    if (const json* items = reader.array(*document, "$", "categories")) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            std::string path = "$.categories[" + std::to_string(i) + "]";
            Category category;
            category.id = reader.text((*items)[i], path, "id");
            category.icon = reader.text((*items)[i], path, "icon");
            category.name = reader.local((*items)[i], path, "name");
            out.push_back(std::move(category));
        }
    }
    if (reader.failed()) {
        return reader.error();
    }
    return out;
}

const Procedure* ProcedureCatalog::findProcedure(const std::string& code) const {
    for (const Procedure& procedure : procedures) {
        if (procedure.code == code) {
            return &procedure;
        }
    }
    return nullptr;
}

const PickerList* ProcedureCatalog::findList(const std::string& id) const {
    for (const PickerList& list : lists) {
        if (list.id == id) {
            return &list;
        }
    }
    return nullptr;
}

std::vector<std::string> crossCheckProcedure(const Procedure& procedure,
                                             const ProcedureCatalog& catalog,
                                             const std::string& origin) {
    static const std::set<std::string> kCardFields{
        "card.full_name",   "card.date_of_birth",      "card.id_number",
        "card.sex",         "card.place_of_residence", "card.ethnicity",
        "card.nationality", "card.place_of_origin",    "card.year_of_birth"};
    std::vector<std::string> problems;
    bool knownCategory =
        std::any_of(catalog.categories.begin(), catalog.categories.end(),
                    [&](const Category& category) { return category.id == procedure.category; });
    if (!knownCategory) {
        problems.push_back(origin + ": $.category: \"" + procedure.category +
                           "\" is not in categories.json");
    }
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            std::string path = origin + ": $.groups." + group.id + "." + field.id;
            if (field.picker && catalog.findList(*field.picker) == nullptr) {
                problems.push_back(path + ".picker: list \"" + *field.picker +
                                   "\" is not in lists/");
            }
            if (field.prefill && !kCardFields.contains(*field.prefill)) {
                problems.push_back(path + ".prefill: \"" + *field.prefill +
                                   "\" is not a card field the reader provides");
            }
            const Field* asked =
                field.prefillWhen ? procedure.findField(field.prefillWhen->field) : nullptr;
            const PickerList* answers =
                asked && asked->picker ? catalog.findList(*asked->picker) : nullptr;
            for (const std::string& answer :
                 answers ? field.prefillWhen->anyOf : std::vector<std::string>{}) {
                if (answers->find(answer) == nullptr) {
                    problems.push_back(path + ".prefill_when.any_of: \"" + answer +
                                       "\" is not an item of list \"" + *asked->picker + "\"");
                }
            }
        }
    }
    return problems;
}

Result<ProcedureCatalog> loadProcedureCatalog(const std::filesystem::path& contentDir) {
    ProcedureCatalog catalog;
    std::vector<std::string> problems;
    std::error_code ec;
    auto listJson = [&](const std::filesystem::path& dir) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        return files;
    };
    std::filesystem::path procedureDir = contentDir / "procedures";
    auto categoriesText = readContentFile(procedureDir / "categories.json");
    if (!categoriesText) {
        return makeError("procedure_invalid",
                         (procedureDir / "categories.json").string() + ": cannot be read");
    }
    auto categories = parseCategories(*categoriesText, (procedureDir / "categories.json").string());
    if (!categories) {
        problems.push_back(categories.error().message);
    } else {
        catalog.categories = *categories;
    }
    for (const auto& file : listJson(contentDir / "lists")) {
        auto text = readContentFile(file);
        auto list =
            text ? parsePickerList(*text, file.string())
                 : Result<PickerList>(makeError("unreadable", file.string() + ": cannot be read"));
        if (!list) {
            problems.push_back(list.error().message);
        } else {
            if (list->id != file.stem().string()) {
                problems.push_back(file.string() + ": $.id: \"" + list->id +
                                   "\" must match the file name");
            }
            catalog.lists.push_back(std::move(*list));
        }
    }
    for (const auto& file : listJson(procedureDir)) {
        if (file.filename() == "categories.json") {
            continue;
        }
        auto text = readContentFile(file);
        auto procedure =
            text ? parseProcedure(*text, file.string())
                 : Result<Procedure>(makeError("unreadable", file.string() + ": cannot be read"));
        if (!procedure) {
            problems.push_back(procedure.error().message);
            continue;
        }
        if (procedure->code != file.stem().string()) {
            problems.push_back(file.string() + ": $.code: \"" + procedure->code +
                               "\" must match the file name");
        }
        catalog.procedures.push_back(std::move(*procedure));
    }
    if (catalog.procedures.empty() && problems.empty()) {
        problems.push_back(procedureDir.string() + ": holds no procedure files");
    }
    // A village names its commune, a commune its province: each parent must exist somewhere.
    for (const PickerList& list : catalog.lists) {
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            const std::string& parent = list.items[i].parent;
            bool found = parent.empty() ||
                         std::any_of(catalog.lists.begin(), catalog.lists.end(),
                                     [&](const PickerList& other) {
                                         return &other != &list && other.find(parent) != nullptr;
                                     });
            if (!found) {
                problems.push_back((contentDir / "lists" / (list.id + ".json")).string() +
                                   ": $.items[" + std::to_string(i) + "].parent: \"" + parent +
                                   "\" is not an item of another list");
            }
        }
    }
    for (const Procedure& procedure : catalog.procedures) {
        std::string origin = (procedureDir / (procedure.code + ".json")).string();
        auto more = crossCheckProcedure(procedure, catalog, origin);
        problems.insert(problems.end(), more.begin(), more.end());
        auto missing = missingHandOffImages(procedure, contentDir, origin);
        problems.insert(problems.end(), missing.begin(), missing.end());
    }
    if (!problems.empty()) {
        std::string text;
        for (const std::string& line : problems) {
            text += (text.empty() ? "" : "\n") + line;
        }
        return makeError("procedure_invalid", text);
    }
    std::stable_sort(
        catalog.procedures.begin(), catalog.procedures.end(),
        [](const Procedure& a, const Procedure& b) { return a.popularity < b.popularity; });
    return catalog;
}

} // namespace kiosk
