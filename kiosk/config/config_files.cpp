// The credential, public key and CA file checks behind checkConfigFiles().
#include "kiosk/config/config_files.hpp"

#include "kiosk/config/file_permissions.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/sealed_box.hpp"

namespace kiosk {
namespace {

Error problem(const char* key, const std::string& message) {
    return makeError("config.files", std::string(key) + " " + message);
}

} // namespace

Status checkConfigFiles(const Config& config) {
    const GatewayConfig& gateway = config.gateway;
    if (gateway.credentialFile.empty()) {
        return problem("[gateway] credential_file",
                       "is empty: name the file that holds this kiosk's gateway secret "
                       "(mode 0600)");
    }
    // readCredentialFile() checks the mode itself: it refuses a loose secret wherever it is read.
    if (auto secret = readCredentialFile(gateway.credentialFile); !secret) {
        return problem("[gateway] credential_file", secret.error().message);
    }
    if (gateway.gatewayPublicKeyFile.empty()) {
        return problem("[gateway] public_key_file",
                       "is empty: name the gateway's public key file (kiosk-gateway keygen)");
    }
    if (Status trusted = checkFilePermissions(gateway.gatewayPublicKeyFile, FileTrust::Trusted);
        !trusted) {
        return problem("[gateway] public_key_file", trusted.error().message);
    }
    if (auto key = readKeyFile(gateway.gatewayPublicKeyFile); !key) {
        return problem("[gateway] public_key_file", key.error().message);
    }
    if (!gateway.caFile.empty()) {
        if (Status trusted = checkFilePermissions(gateway.caFile, FileTrust::Trusted); !trusted) {
            return problem("[gateway] ca_file", trusted.error().message);
        }
    }
    return ok();
}

} // namespace kiosk
