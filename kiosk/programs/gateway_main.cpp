// kiosk-gateway: the reference gateway (serve, keygen, list) used for tests and small pilots.
#include "kiosk/programs/gateway/gateway_cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
    return kiosk::runGateway(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
