// The libcurl gateway client: signed requests, TLS verification always on, failure triage.
#include "kiosk/config/file_permissions.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

struct CurlFree {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct HttpReply {
    CURLcode curlCode = CURLE_OK;
    long status = 0;
    std::string contentType;
    std::string body;
    std::optional<std::chrono::seconds> retryAfter;
};

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* target) {
    auto* reply = static_cast<HttpReply*>(target);
    if (reply->body.size() + size * count > kMaxBodyBytes) {
        return 0; // a gateway reply this large is not ours; abort the transfer
    }
    reply->body.append(data, size * count);
    return size * count;
}

std::size_t readHeader(char* data, std::size_t size, std::size_t count, void* target) {
    auto* reply = static_cast<HttpReply*>(target);
    std::string line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        if (name == "retry-after") {
            // Only the delta-seconds form; an HTTP date falls back to the sender's backoff.
            if (!value.empty() && std::all_of(value.begin(), value.end(), [](unsigned char c) {
                    return std::isdigit(c) != 0;
                })) {
                reply->retryAfter = std::chrono::seconds(std::stol(value.substr(0, 9)));
            }
        } else if (name == "content-type") {
            reply->contentType = value;
        }
    }
    return size * count;
}

// The stable error code of a gateway error body, or empty.
std::string errorCodeOf(const std::string& body) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_object() && document.contains("error") && document["error"].is_object()) {
        auto code = document["error"].find("code");
        if (code != document["error"].end() && code->is_string()) {
            return code->get<std::string>();
        }
    }
    return {};
}

FailureKind classifyCurl(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return FailureKind::Offline;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        // A certificate that does not verify will not verify on retry either; a volunteer
        // must look (wrong CA file, clock far off, or someone in the middle).
        return FailureKind::Rejected;
    default:
        return FailureKind::Transient;
    }
}

std::string curlFailureCode(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
        return "offline";
    case CURLE_OPERATION_TIMEDOUT:
        return "timeout";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "tls_verification_failed";
    case CURLE_SSL_CACERT_BADFILE:
        return "tls_ca_file_unusable";
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        return "connection_dropped";
    default:
        return "transfer_failed";
    }
}

class HttpGatewayClient final : public GatewayClient {
public:
    explicit HttpGatewayClient(GatewayEndpoint endpoint)
        : endpoint_(std::move(endpoint)) {}

    GatewayOutcome<SubmitReceipt> submit(const SubmitRequest& original) override {
        // The kiosk id belongs with the credentials, so the client fills it in.
        SubmitRequest request = original;
        request.kioskId = endpoint_.kioskId;
        std::string body = submitBody(request);
        HttpReply reply = perform("POST", kSubmitPath, body, request.idempotencyKey);
        GatewayOutcome<SubmitReceipt> outcome;
        if (auto failure = triage(reply, {200, 201})) {
            outcome.failure = *failure;
            return outcome;
        }
        auto receipt = parseSubmitReceipt(reply.body);
        if (!receipt) {
            // Possibly stored already: the idempotency key makes the retry safe.
            outcome.failure = {FailureKind::Transient, "malformed_reply",
                               static_cast<int>(reply.status), std::nullopt};
            return outcome;
        }
        outcome.value = std::move(*receipt);
        return outcome;
    }

    GatewayOutcome<StatusReply> status(const std::string& dossierCode) override {
        std::string path = std::string(kSubmitPath) + "/" + escape(dossierCode);
        HttpReply reply = perform("GET", path, "", "");
        GatewayOutcome<StatusReply> outcome;
        if (auto failure = triage(reply, {200})) {
            outcome.failure = *failure;
            return outcome;
        }
        auto parsed = parseStatusReply(reply.body);
        if (!parsed) {
            outcome.failure = {FailureKind::Transient, "malformed_reply",
                               static_cast<int>(reply.status), std::nullopt};
            return outcome;
        }
        outcome.value = std::move(*parsed);
        return outcome;
    }

    GatewayOutcome<bool> report(const std::string& path, const std::string& body) override {
        HttpReply reply = perform("POST", path, body, "");
        GatewayOutcome<bool> outcome;
        if (auto failure = triage(reply, {200})) {
            outcome.failure = *failure;
            return outcome;
        }
        outcome.value = true;
        return outcome;
    }

private:
    static std::string escape(const std::string& text) {
        std::string out;
        for (unsigned char c : text) {
            if (std::isalnum(c) != 0 || c == '.' || c == '-' || c == '_') {
                out += static_cast<char>(c);
            } else {
                static constexpr char kHex[] = "0123456789ABCDEF";
                out += '%';
                out += kHex[c >> 4];
                out += kHex[c & 15];
            }
        }
        return out;
    }

    std::optional<GatewayFailure> triage(const HttpReply& reply,
                                         std::initializer_list<long> success) const {
        if (reply.curlCode != CURLE_OK) {
            return GatewayFailure{classifyCurl(reply.curlCode), curlFailureCode(reply.curlCode), 0,
                                  std::nullopt};
        }
        int status = static_cast<int>(reply.status);
        if (std::find(success.begin(), success.end(), reply.status) == success.end()) {
            // A kiosk booted without a real-time clock is refused until NTP sets its clock;
            // that fixes itself, so it is retried instead of set aside.
            if (status == 401 && errorCodeOf(reply.body) == "clock_skew") {
                return GatewayFailure{FailureKind::Transient, "clock_skew", status, std::nullopt};
            }
            return GatewayFailure{classifyHttpStatus(status), "http_" + std::to_string(status),
                                  status, reply.retryAfter};
        }
        if (reply.contentType.rfind("application/json", 0) != 0) {
            return GatewayFailure{FailureKind::Transient, "wrong_content_type", status,
                                  std::nullopt};
        }
        return std::nullopt;
    }

    HttpReply perform(const char* method, const std::string& path, const std::string& body,
                      const std::string& idempotencyKey) {
        HttpReply reply;
        std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
        if (!curl) {
            reply.curlCode = CURLE_FAILED_INIT;
            return reply;
        }
        std::string timestamp = std::to_string(nowUnixSeconds());
        std::string signature = signRequest(endpoint_.secret, method, path, timestamp, body);
        curl_slist* raw = nullptr;
        auto add = [&](const std::string& header) { raw = curl_slist_append(raw, header.c_str()); };
        add("Content-Type: application/json");
        add("Accept: application/json");
        add(std::string(kHeaderKioskId) + ": " + endpoint_.kioskId);
        add(std::string(kHeaderTimestamp) + ": " + timestamp);
        add(std::string(kHeaderSignature) + ": " + signature);
        if (!idempotencyKey.empty()) {
            add(std::string(kHeaderIdempotencyKey) + ": " + idempotencyKey);
        }
        add("Expect:"); // no 100-continue round trip for a few kilobytes
        std::unique_ptr<curl_slist, SlistFree> headers(raw);
        std::string url = endpoint_.baseUrl + path;
        CURL* handle = curl.get();
        curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
        curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!endpoint_.caFile.empty()) {
            curl_easy_setopt(handle, CURLOPT_CAINFO, endpoint_.caFile.c_str());
        }
        curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(endpoint_.connectTimeout.count()));
        curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(endpoint_.totalTimeout.count()));
        curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, appendBody);
        curl_easy_setopt(handle, CURLOPT_WRITEDATA, &reply);
        curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, readHeader);
        curl_easy_setopt(handle, CURLOPT_HEADERDATA, &reply);
        if (std::string(method) == "POST") {
            curl_easy_setopt(handle, CURLOPT_POST, 1L);
            curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
            curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        }
        reply.curlCode = curl_easy_perform(handle);
        curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply.status);
        return reply;
    }

    GatewayEndpoint endpoint_;
};

} // namespace

FailureKind classifyHttpStatus(int status) {
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
        return FailureKind::Transient;
    }
    return FailureKind::Rejected;
}

std::unique_ptr<GatewayClient> makeHttpGatewayClient(GatewayEndpoint endpoint) {
    return std::make_unique<HttpGatewayClient>(std::move(endpoint));
}

std::future<GatewayOutcome<StatusReply>> lookUpStatusAsync(GatewayClient& client,
                                                           std::string dossierCode) {
    return std::async(std::launch::async,
                      [&client, code = std::move(dossierCode)] { return client.status(code); });
}

void initialiseHttp() {
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

Result<std::string> readCredentialFile(const std::filesystem::path& path) {
    // Refused like ssh refuses a loose private key: a secret others can read is not secret.
    if (Status mode = checkFilePermissions(path, FileTrust::Secret); !mode) {
        return makeError(mode.error().code == "file_permissions" ? "credential_permissions"
                                                                 : "credential_unreadable",
                         mode.error().message);
    }
    std::ifstream in(path);
    std::string secret;
    if (!in || !std::getline(in, secret)) {
        return makeError("credential_unreadable", path.string() + ": cannot be read");
    }
    secret.erase(secret.find_last_not_of(" \t\r\n") + 1);
    if (secret.size() < 16) {
        return makeError("credential_invalid",
                         path.string() + ": the kiosk secret must be at least 16 characters");
    }
    return secret;
}

} // namespace kiosk
