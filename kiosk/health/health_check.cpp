// Runs the health checks in reading order and formats them for a terminal or a script.
#include "kiosk/health/health_check.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace kiosk {

std::string_view healthLevelName(HealthLevel level) {
    switch (level) {
    case HealthLevel::Ok:
        return "OK";
    case HealthLevel::Warn:
        return "WARN";
    case HealthLevel::Fail:
        return "FAIL";
    }
    return "?";
}

std::vector<HealthResult> runHealthChecks(const HealthContext& context,
                                          const HealthLimits& limits) {
    std::vector<HealthResult> results;
    results.push_back(checkConfigFile(context.configFile));
    Config config;
    if (!context.configFile.empty()) {
        if (auto loaded = loadConfig(context.configFile)) {
            config = *loaded;
        }
    }
    results.push_back(checkContent(config, context.now, limits));
    if (context.listUsb) {
        results.push_back(judgePrinter(config, context.listUsb(0x07)));
        results.push_back(judgeCardReader(config, context.listUsb(0x0B)));
    }
    for (HealthResult& result : checkGateway(config, context.now, context.gatewayTimeout, limits)) {
        results.push_back(std::move(result));
    }
    results.push_back(checkDisk(config, limits));
    results.push_back(checkOutbox(config, context.now, limits));
    results.push_back(checkJournal(context.journalDirectory, context.now, limits));
    return results;
}

HealthLevel worstLevel(const std::vector<HealthResult>& results) {
    HealthLevel worst = HealthLevel::Ok;
    for (const HealthResult& result : results) {
        worst = std::max(worst, result.level);
    }
    return worst;
}

std::string healthReportText(const std::vector<HealthResult>& results) {
    std::size_t width = 0;
    for (const HealthResult& result : results) {
        width = std::max(width, result.title.size());
    }
    std::ostringstream out;
    for (const HealthResult& result : results) {
        std::string level(healthLevelName(result.level));
        out << level << std::string(5 - level.size(), ' ') << result.title
            << std::string(width + 2 - result.title.size(), ' ') << result.detail << '\n';
        if (!result.fix.empty()) {
            out << std::string(5 + width + 2, ' ') << "fix: " << result.fix << '\n';
        }
    }
    return out.str();
}

std::string healthReportJson(const std::vector<HealthResult>& results) {
    nlohmann::json checks = nlohmann::json::array();
    for (const HealthResult& result : results) {
        checks.push_back({{"check", result.check},
                          {"title", result.title},
                          {"level", healthLevelName(result.level)},
                          {"detail", result.detail},
                          {"fix", result.fix}});
    }
    nlohmann::json report{{"checks", checks}, {"worst", healthLevelName(worstLevel(results))}};
    return report.dump(2) + "\n";
}

} // namespace kiosk
