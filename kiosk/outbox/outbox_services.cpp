// Builds the outbox services from the configuration.
#include "kiosk/outbox/outbox_services.hpp"

namespace kiosk {

GatewayEndpoint gatewayEndpoint(const Config& config, std::string secret) {
    GatewayEndpoint endpoint;
    endpoint.baseUrl = config.gateway.url;
    endpoint.caFile = config.gateway.caFile;
    endpoint.kioskId = config.gateway.kioskId;
    endpoint.secret = std::move(secret);
    return endpoint;
}

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
    options.logger = logger;
    std::error_code ignored;
    std::filesystem::create_directories(config.paths.dataDir, ignored);
    // A storage fault is not a reason to fail here: the outbox reports it, the kiosk shows it,
    // and the outbox opens by itself once the card is writable again.
    auto outbox = Outbox::openOrRetry(config.paths.dataDir / "outbox.db", options);
    initialiseHttp();
    OutboxServices services;
    services.outbox = std::move(outbox);
    services.client = makeHttpGatewayClient(gatewayEndpoint(config, *secret));
    services.sender =
        std::make_unique<Sender>(*services.outbox, *services.client, SenderOptions{}, logger);
    return services;
}

} // namespace kiosk
