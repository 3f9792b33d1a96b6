// Builds the outbox services from the configuration.
#include "kiosk/outbox/outbox_services.hpp"

namespace kiosk {

Result<OutboxServices> openOutboxServices(const Config& config, Logger* logger) {
    auto publicKey = readKeyFile(config.gateway.gatewayPublicKeyFile);
    if (!publicKey) {
        return makeError(publicKey.error().code,
                         "[gateway] public_key_file: " + publicKey.error().message);
    }
    auto secret = readCredentialFile(config.gateway.credentialFile);
    if (!secret) {
        return makeError(secret.error().code,
                         "[gateway] credential_file: " + secret.error().message);
    }
    OutboxOptions options;
    options.gatewayPublicKey = *publicKey;
    options.referencePrefix = config.gateway.referencePrefix;
    std::error_code ignored;
    std::filesystem::create_directories(config.paths.dataDir, ignored);
    auto outbox = Outbox::open(config.paths.dataDir / "outbox.db", options);
    if (!outbox) {
        return outbox.error();
    }
    initialiseHttp();
    GatewayEndpoint endpoint;
    endpoint.baseUrl = config.gateway.url;
    endpoint.caFile = config.gateway.caFile;
    endpoint.kioskId = config.gateway.kioskId;
    endpoint.secret = *secret;
    OutboxServices services;
    services.outbox = std::move(*outbox);
    services.client = makeHttpGatewayClient(endpoint);
    services.sender =
        std::make_unique<Sender>(*services.outbox, *services.client, SenderOptions{}, logger);
    return services;
}

} // namespace kiosk
