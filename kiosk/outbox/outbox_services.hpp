// The outbox, gateway client and sender wired from the configuration, for the composition root.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"

#include <memory>

namespace kiosk {

class Logger;

// Owns the three in the order they must be destroyed (sender first).
struct OutboxServices {
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<GatewayClient> client;
    std::unique_ptr<Sender> sender; // not started

    ~OutboxServices() { sender.reset(); }
    OutboxServices() = default;
    OutboxServices(OutboxServices&&) = default;
    OutboxServices& operator=(OutboxServices&&) = default;
};

// Where and as whom the kiosk talks to its gateway ([gateway] url, ca_file, kiosk_id).
GatewayEndpoint gatewayEndpoint(const Config& config, std::string secret);

// Reads [gateway] public_key_file and credential_file, opens <data_dir>/outbox.db. Fails with a
// message naming the file when a key or credential is missing: a kiosk that cannot seal must
// not accept dossiers (the UI then offers only the phone hand-off). A database that cannot be
// opened does not fail it: see Outbox::openOrRetry and Outbox::health().
Result<OutboxServices> openOutboxServices(const Config& config, Logger* logger);

} // namespace kiosk
