// Health checks against the commune gateway: reachable, its TLS certificate, the clock's skew.
#include "kiosk/health/health_check.hpp"

#include <ctime>
#include <curl/curl.h>

namespace kiosk {
namespace {

struct Probe {
    std::string date; // the Date header, when the gateway sent one
};

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    std::string line(data, size * count);
    if (line.size() > 5 && (line.rfind("Date:", 0) == 0 || line.rfind("date:", 0) == 0)) {
        std::string value = line.substr(5);
        auto first = value.find_first_not_of(" \t");
        auto last = value.find_last_not_of(" \t\r\n");
        static_cast<Probe*>(user)->date =
            first == std::string::npos ? "" : value.substr(first, last - first + 1);
    }
    return size * count;
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
    return size * count;
}

// "Expire date:Dec  4 06:00:00 2027 GMT" from libcurl's certificate information (OpenSSL).
std::optional<std::time_t> leafExpiry(CURL* curl) {
    curl_certinfo* info = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_CERTINFO, &info) != CURLE_OK || info == nullptr ||
        info->num_of_certs < 1) {
        return std::nullopt;
    }
    for (curl_slist* item = info->certinfo[0]; item != nullptr; item = item->next) {
        std::string_view field(item->data);
        constexpr std::string_view kExpire = "Expire date:";
        if (field.starts_with(kExpire)) {
            std::tm parsed{};
            std::string value(field.substr(kExpire.size()));
            if (strptime(value.c_str(), "%b %d %H:%M:%S %Y GMT", &parsed) == nullptr) {
                return std::nullopt;
            }
            return timegm(&parsed);
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<HealthResult> checkGateway(const Config& config,
                                       std::chrono::system_clock::time_point now,
                                       std::chrono::milliseconds timeout,
                                       const HealthLimits& limits) {
    const std::string& base = config.gateway.url;
    bool https = base.rfind("https://", 0) == 0;
    std::string url = base + (base.ends_with("/") ? "" : "/") + "v1/health";
    std::vector<HealthResult> results;

    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        results.push_back({"gateway", "Gateway", HealthLevel::Fail, "libcurl did not start", ""});
        return results;
    }
    Probe probe;
    char problem[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &probe);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, problem);
    curl_easy_setopt(curl, CURLOPT_CERTINFO, 1L);
    if (!config.gateway.caFile.empty()) {
        curl_easy_setopt(curl, CURLOPT_CAINFO, config.gateway.caFile.c_str());
    }
    auto started = std::chrono::steady_clock::now();
    CURLcode code = curl_easy_perform(curl);
    // The kiosk's clock when the answer came, from the reading the caller took.
    auto kioskClock = now + (std::chrono::steady_clock::now() - started);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    std::optional<std::time_t> expiry = https ? leafExpiry(curl) : std::nullopt;
    curl_easy_cleanup(curl);

    bool tlsRefused = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR ||
                      code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CACERT_BADFILE;
    if (code != CURLE_OK && !tlsRefused) {
        results.push_back(
            {"gateway", "Gateway", HealthLevel::Fail,
             base + " unreachable: " + (problem[0] ? problem : curl_easy_strerror(code)),
             "check the network cable or 4G modem, then [gateway] url"});
        return results;
    }
    results.push_back(
        {"gateway", "Gateway", HealthLevel::Ok,
         base + (tlsRefused ? " answers" : " answers (HTTP " + std::to_string(status) + ")"), ""});

    if (!https) {
        results.push_back({"gateway_tls", "Gateway TLS", HealthLevel::Warn,
                           "plain HTTP: dossiers are sealed, but the gateway is not authenticated",
                           "use an https:// [gateway] url with ca_file"});
    } else if (tlsRefused) {
        results.push_back({"gateway_tls", "Gateway TLS", HealthLevel::Fail,
                           std::string("certificate refused: ") + problem,
                           "renew the gateway's certificate, or set [gateway] ca_file to its CA"});
        return results;
    } else if (!expiry) {
        results.push_back({"gateway_tls", "Gateway TLS", HealthLevel::Warn,
                           "certificate trusted; its expiry date could not be read", ""});
    } else {
        auto left = std::chrono::system_clock::from_time_t(*expiry) - kioskClock;
        auto days = std::chrono::duration_cast<std::chrono::hours>(left).count() / 24;
        char date[32];
        std::tm utc{};
        gmtime_r(&*expiry, &utc);
        std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
        std::string detail = "certificate trusted, expires " + std::string(date) + " (" +
                             std::to_string(days) + " days)";
        if (days < limits.certificateWarnDays) {
            results.push_back({"gateway_tls", "Gateway TLS", HealthLevel::Warn, detail,
                               "ask the commune to renew the gateway's certificate before then"});
        } else {
            results.push_back({"gateway_tls", "Gateway TLS", HealthLevel::Ok, detail, ""});
        }
    }

    std::time_t gatewayTime = probe.date.empty() ? -1 : curl_getdate(probe.date.c_str(), nullptr);
    if (gatewayTime < 0) {
        results.push_back({"clock", "Clock", HealthLevel::Warn,
                           "the gateway sent no Date header; clock not compared",
                           "check the time by hand: timedatectl"});
        return results;
    }
    auto skew = std::chrono::duration_cast<std::chrono::seconds>(
        kioskClock - std::chrono::system_clock::from_time_t(gatewayTime));
    std::string detail = std::to_string(std::abs(skew.count())) + " s " +
                         (skew.count() >= 0 ? "ahead of" : "behind") + " the gateway";
    // Date has one-second resolution: a second either way is rounding, not skew.
    if (std::chrono::abs(skew) > limits.clockSkewFail) {
        results.push_back({"clock", "Clock", HealthLevel::Fail, detail,
                           "turn on time sync: timedatectl set-ntp true (appointment times and "
                           "request signatures depend on it)"});
    } else {
        results.push_back({"clock", "Clock", HealthLevel::Ok, detail, ""});
    }
    return results;
}

} // namespace kiosk
