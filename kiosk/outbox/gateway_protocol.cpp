// JSON bodies of the gateway API and the request signature.
#include "kiosk/outbox/gateway_protocol.hpp"

#include "kiosk/dossier/local_time.hpp"

#include <nlohmann/json.hpp>
#include <regex>

namespace kiosk {
namespace {

using nlohmann::json;

Result<json> parseObject(const std::string& body) {
    json document = json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return makeError("malformed_json", "the body is not a JSON object");
    }
    return document;
}

std::optional<std::string> stringField(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

Error missing(const char* key) {
    return makeError("bad_request", std::string("\"") + key + "\" is missing or not a string");
}

} // namespace

std::string submitBody(const SubmitRequest& request) {
    return json{{"idempotency_key", request.idempotencyKey},
                {"kiosk_id", request.kioskId},
                {"local_reference", request.localReference},
                {"procedure_code", request.procedureCode},
                {"submitted_at", request.submittedAt},
                {"sealed_payload", toBase64(request.sealedPayload)}}
        .dump();
}

Result<SubmitRequest> parseSubmitBody(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    SubmitRequest request;
    std::pair<const char*, std::string*> fields[] = {{"idempotency_key", &request.idempotencyKey},
                                                     {"kiosk_id", &request.kioskId},
                                                     {"local_reference", &request.localReference},
                                                     {"procedure_code", &request.procedureCode},
                                                     {"submitted_at", &request.submittedAt}};
    for (auto& [key, target] : fields) {
        auto value = stringField(*document, key);
        if (!value || value->empty()) {
            return missing(key);
        }
        *target = *value;
    }
    static const std::regex kKey("[0-9a-f]{32}");
    if (!std::regex_match(request.idempotencyKey, kKey)) {
        return makeError("bad_request", "\"idempotency_key\" must be 32 lowercase hex digits");
    }
    if (!parseCompact(request.submittedAt)) {
        return makeError("bad_request", "\"submitted_at\" must be yyyyMMddHHmmss");
    }
    auto sealed = stringField(*document, "sealed_payload");
    if (!sealed) {
        return missing("sealed_payload");
    }
    auto bytes = fromBase64(*sealed);
    if (!bytes) {
        return makeError("bad_request", "\"sealed_payload\" is not base64");
    }
    request.sealedPayload = std::move(*bytes);
    return request;
}

std::string submitReceiptBody(const SubmitReceipt& receipt) {
    return json{{"dossier_code", receipt.dossierCode},
                {"received_at", receipt.receivedAt},
                {"appointment_at", receipt.appointmentAt},
                {"status", receipt.status},
                {"replayed", receipt.replayed}}
        .dump();
}

Result<SubmitReceipt> parseSubmitReceipt(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    SubmitReceipt receipt;
    auto code = stringField(*document, "dossier_code");
    auto received = stringField(*document, "received_at");
    auto appointment = stringField(*document, "appointment_at");
    if (!code || code->empty() || !received || !parseCompact(*received) || !appointment ||
        !parseCompact(*appointment)) {
        return makeError("malformed_reply", "the gateway's reply lacks the dossier code or times");
    }
    receipt.dossierCode = *code;
    receipt.receivedAt = *received;
    receipt.appointmentAt = *appointment;
    receipt.status = stringField(*document, "status").value_or("new");
    auto replayed = document->find("replayed");
    receipt.replayed =
        replayed != document->end() && replayed->is_boolean() && replayed->get<bool>();
    return receipt;
}

std::string statusReplyBody(const StatusReply& reply) {
    json body{{"dossier_code", reply.dossierCode},
              {"status", reply.status},
              {"received_at", reply.receivedAt},
              {"appointment_at", reply.appointmentAt}};
    if (!reply.statusReason.empty()) {
        body["status_reason"] = reply.statusReason;
    }
    json opened = json::array();
    for (const auto& [office, count] : reply.openedBy) {
        opened.push_back({{"office", office}, {"count", count}});
    }
    body["opened"] = {{"count", reply.openedCount}, {"by", opened}};
    return body.dump();
}

Result<StatusReply> parseStatusReply(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    StatusReply reply;
    auto code = stringField(*document, "dossier_code");
    auto status = stringField(*document, "status");
    if (!code || !status) {
        return makeError("malformed_reply", "the gateway's status reply lacks code or status");
    }
    reply.dossierCode = *code;
    reply.status = *status;
    reply.receivedAt = stringField(*document, "received_at").value_or("");
    reply.appointmentAt = stringField(*document, "appointment_at").value_or("");
    reply.statusReason = stringField(*document, "status_reason").value_or("");
    // The access record is optional (older gateways do not send it); a malformed one is ignored
    // rather than hiding the status the resident asked for.
    const json& root = *document;
    if (root.contains("opened") && root["opened"].is_object()) {
        const json& opened = root["opened"];
        if (opened.contains("count") && opened["count"].is_number_integer()) {
            reply.openedCount = opened["count"].get<std::int64_t>();
        }
        if (opened.contains("by") && opened["by"].is_array()) {
            for (const json& entry : opened["by"]) {
                if (entry.is_object() && entry.contains("office") && entry["office"].is_string() &&
                    entry.contains("count") && entry["count"].is_number_integer()) {
                    reply.openedBy.emplace_back(entry["office"].get<std::string>(),
                                                entry["count"].get<std::int64_t>());
                }
            }
        }
    }
    return reply;
}

std::string errorBody(const std::string& code, const std::string& message) {
    return json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

std::string signRequest(const std::string& secret, const std::string& method,
                        const std::string& path, const std::string& timestamp,
                        const std::string& body) {
    return hmacSha256Hex(secret,
                         method + "\n" + path + "\n" + timestamp + "\n" + sha256Hex(asBytes(body)));
}

} // namespace kiosk
