// kiosk-vusb: plugs virtual USB devices into the Linux kernel through the USB/IP virtual host
// controller (vhci_hcd) and serves their transfers, for the hardware-in-the-loop tests.
//
// Protocol: Linux Documentation/usb/usbip_protocol.rst. Writing "port sockfd devid speed" to
// vhci_hcd's sysfs `attach` hands the kernel one end of a socketpair; the kernel then sends
// USBIP_CMD_SUBMIT / USBIP_CMD_UNLINK on it (48-byte big-endian headers, then OUT data) and
// expects USBIP_RET_SUBMIT / USBIP_RET_UNLINK back. Writing the port to `detach` unplugs.
//
// Commands, one a line on stdin (replies on stdout):
//   plug NAME MODEL [CARD_PROFILE]   attach a device (readers get a card of that profile)
//   unplug NAME                      detach it
//   when NAME out [+]N ACTION        after the N-th bulk OUT transfer (readers) ...
//   when NAME bytes [+]N ACTION      ... or N bytes of bulk OUT (printers), do ACTION
//                                    (+N: counted from now):
//                                    unplug | paper-out | cover-open | remove-card
//   paper NAME out|plenty  cover NAME open|closed  remove-card NAME  insert-card NAME PROFILE
//   quit
#include "drivers/card_reader/sim/card_image.hpp"
#include "drivers/card_reader/sim/card_profile.hpp"
#include "drivers/card_reader/sim/test_pki.hpp"
#include "tests/hil/virtual_device.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::hil;

namespace {

constexpr std::uint32_t kCmdSubmit = 1;
constexpr std::uint32_t kCmdUnlink = 2;
constexpr std::uint32_t kRetSubmit = 3;
constexpr std::uint32_t kRetUnlink = 4;
constexpr int kSpeedFull = 2; // enum usb_device_speed
const char* const kVhci = "/sys/devices/platform/vhci_hcd.0";

std::uint32_t get32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

void put32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

bool readExactly(int fd, std::uint8_t* buffer, std::size_t length) {
    std::size_t got = 0;
    while (got < length) {
        ssize_t n = ::read(fd, buffer + got, length - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return false;
        }
        got += static_cast<std::size_t>(n);
    }
    return true;
}

bool writeAll(int fd, const Bytes& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool writeSysfs(const std::string& file, const std::string& text) {
    std::ofstream out(std::string(kVhci) + "/" + file);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

// The first free high-speed root-hub port (status 004 = VDEV_ST_NULL).
int freePort() {
    std::ifstream status(std::string(kVhci) + "/status");
    std::string line;
    std::getline(status, line); // header
    while (std::getline(status, line)) {
        std::istringstream fields(line);
        std::string hub;
        int port = 0;
        int state = 0;
        fields >> hub >> port >> state;
        if (hub == "hs" && state == 4) {
            return port;
        }
    }
    return -1;
}

struct Trigger {
    bool bytes = false; // count bytes (else transfers)
    std::size_t at = 0;
    std::string action;
};

struct Pending {
    std::uint32_t seqnum;
    Transfer transfer;
};

struct Plugged {
    std::string name;
    int port = -1;
    int fd = -1;
    std::unique_ptr<VirtualDevice> device;
    std::vector<Pending> pending;
    std::vector<Trigger> triggers;
};

class Bus {
public:
    Bus(std::filesystem::path profiles, std::filesystem::path pages, sim::TestPki pki)
        : profiles_(std::move(profiles))
        , pages_(std::move(pages))
        , pki_(std::move(pki)) {}

    int run();

private:
    std::unique_ptr<sim::SimulatedIcaoCard> card(const std::string& profile);
    void command(const std::string& line);
    void plug(const std::string& name, const std::string& modelId, const std::string& profile);
    void unplug(const std::string& name);
    void act(Plugged& device, const std::string& action);
    bool serve(Plugged& device);
    void answer(Plugged& device, std::uint32_t seqnum, const Transfer& transfer,
                const Completion& completion);
    void retryPending(Plugged& device);
    void reply(const std::string& text) { std::cout << text << std::endl; }

    std::filesystem::path profiles_;
    std::filesystem::path pages_;
    sim::TestPki pki_;
    std::map<std::string, Plugged> devices_;
    bool quit_ = false;
};

std::unique_ptr<sim::SimulatedIcaoCard> Bus::card(const std::string& profile) {
    if (profile.empty() || profile == "-") {
        return nullptr;
    }
    auto loaded = sim::loadCardProfile(profiles_ / (profile + ".json"));
    if (!loaded) {
        reply("error " + loaded.error().message);
        return nullptr;
    }
    auto image = sim::personalise(*loaded, pki_);
    if (!image) {
        reply("error " + image.error().message);
        return nullptr;
    }
    return std::make_unique<sim::SimulatedIcaoCard>(std::move(*image));
}

void Bus::plug(const std::string& name, const std::string& modelId, const std::string& profile) {
    const DeviceModel* model = findDeviceModel(modelId);
    if (model == nullptr) {
        reply("error unknown model " + modelId);
        return;
    }
    if (devices_.count(name) != 0) {
        unplug(name);
    }
    int port = freePort();
    int pair[2];
    if (port < 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) {
        reply("error no free vhci port or socket");
        return;
    }
    Plugged device;
    device.name = name;
    device.port = port;
    device.fd = pair[0];
    std::filesystem::create_directories(pages_ / name);
    device.device = std::make_unique<VirtualDevice>(*model, card(profile), pages_ / name);
    std::ostringstream attach;
    attach << port << ' ' << pair[1] << ' ' << ((port + 1) << 16 | (port + 2)) << ' ' << kSpeedFull;
    bool attached = writeSysfs("attach", attach.str());
    ::close(pair[1]); // the kernel holds its own reference now
    if (!attached) {
        ::close(pair[0]);
        reply("error attach failed: " + std::string(std::strerror(errno)));
        return;
    }
    devices_[name] = std::move(device);
    reply("plugged " + name + " " + modelId + " port " + std::to_string(port));
}

void Bus::unplug(const std::string& name) {
    auto found = devices_.find(name);
    if (found == devices_.end()) {
        reply("error no device " + name);
        return;
    }
    writeSysfs("detach", std::to_string(found->second.port));
    ::close(found->second.fd);
    devices_.erase(found);
    reply("unplugged " + name);
}

void Bus::act(Plugged& device, const std::string& action) {
    std::cerr << "vusb: " << device.name << ": " << action << std::endl;
    if (action == "unplug") {
        unplug(device.name); // `device` is gone after this
    } else if (action == "paper-out" && device.device->printer()) {
        device.device->printer()->setPaper(SimulatedPaper::Out);
    } else if (action == "paper-plenty" && device.device->printer()) {
        device.device->printer()->setPaper(SimulatedPaper::Plenty);
    } else if (action == "cover-open" && device.device->printer()) {
        device.device->printer()->setCover(SimulatedCover::Open);
    } else if (action == "cover-closed" && device.device->printer()) {
        device.device->printer()->setCover(SimulatedCover::Closed);
    } else if (action == "remove-card") {
        device.device->removeCard();
    }
}

void Bus::command(const std::string& line) {
    std::istringstream words(line);
    std::string verb;
    std::string name;
    words >> verb >> name;
    if (verb.empty() || verb[0] == '#') {
        return;
    }
    if (verb == "quit") {
        quit_ = true;
        return;
    }
    if (verb == "plug") {
        std::string model;
        std::string profile;
        words >> model >> profile;
        plug(name, model, profile);
        return;
    }
    if (verb == "unplug") {
        unplug(name);
        return;
    }
    auto found = devices_.find(name);
    if (found == devices_.end()) {
        reply("error no device " + name);
        return;
    }
    Plugged& device = found->second;
    std::string argument;
    words >> argument;
    if (verb == "when") {
        Trigger trigger;
        trigger.bytes = argument == "bytes";
        std::string at;
        words >> at >> trigger.action;
        // "+N": N more from now (the kiosk polls the device in the background).
        std::size_t now = trigger.bytes
                              ? device.device->bulkOutBytes()
                              : static_cast<std::size_t>(device.device->bulkOutTransfers());
        trigger.at = at.starts_with('+') ? now + std::stoul(at.substr(1)) : std::stoul(at);
        device.triggers.push_back(trigger);
    } else if (verb == "paper") {
        act(device, argument == "out" ? "paper-out" : "paper-plenty");
    } else if (verb == "cover") {
        act(device, argument == "open" ? "cover-open" : "cover-closed");
    } else if (verb == "remove-card") {
        act(device, "remove-card");
    } else if (verb == "insert-card") {
        device.device->insertCard(card(argument));
    } else {
        reply("error unknown command " + verb);
        return;
    }
    retryPending(device);
    reply("ok " + verb + " " + name);
}

void Bus::answer(Plugged& device, std::uint32_t seqnum, const Transfer& transfer,
                 const Completion& completion) {
    Bytes pdu;
    put32(pdu, kRetSubmit);
    put32(pdu, seqnum);
    put32(pdu, 0); // devid, direction, ep: zero in replies
    put32(pdu, 0);
    put32(pdu, 0);
    put32(pdu, static_cast<std::uint32_t>(completion.status));
    put32(pdu, completion.actualLength);
    put32(pdu, 0); // start_frame
    put32(pdu, 0); // number_of_packets
    put32(pdu, 0); // error_count
    pdu.resize(48, 0);
    if (transfer.in) {
        pdu.insert(pdu.end(), completion.in.begin(), completion.in.end());
    }
    writeAll(device.fd, pdu);
}

void Bus::retryPending(Plugged& device) {
    for (std::size_t i = 0; i < device.pending.size();) {
        auto done = device.device->submit(device.pending[i].transfer);
        if (done) {
            answer(device, device.pending[i].seqnum, device.pending[i].transfer, *done);
            device.pending.erase(device.pending.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

// One PDU from the kernel. False when the connection is gone.
bool Bus::serve(Plugged& device) {
    std::uint8_t header[48];
    if (!readExactly(device.fd, header, sizeof header)) {
        return false;
    }
    std::uint32_t command = get32(header);
    std::uint32_t seqnum = get32(header + 4);
    if (command == kCmdUnlink) {
        std::uint32_t victim = get32(header + 20);
        int status = 0; // already answered: nothing to cancel
        for (auto it = device.pending.begin(); it != device.pending.end(); ++it) {
            if (it->seqnum == victim) {
                device.pending.erase(it);
                status = -ECONNRESET;
                break;
            }
        }
        Bytes pdu;
        put32(pdu, kRetUnlink);
        put32(pdu, seqnum);
        put32(pdu, 0);
        put32(pdu, 0);
        put32(pdu, 0);
        put32(pdu, static_cast<std::uint32_t>(status));
        pdu.resize(48, 0);
        return writeAll(device.fd, pdu);
    }
    if (command != kCmdSubmit) {
        std::cerr << "vusb: unexpected USB/IP command " << command << std::endl;
        return false;
    }
    Transfer transfer;
    transfer.in = get32(header + 12) == 1;
    transfer.endpoint = static_cast<std::uint8_t>(get32(header + 16));
    transfer.length = get32(header + 24);
    std::uint32_t packets = get32(header + 32);
    std::memcpy(transfer.setup.data(), header + 40, 8);
    if (!transfer.in && transfer.length > 0) {
        transfer.out.resize(transfer.length);
        if (!readExactly(device.fd, transfer.out.data(), transfer.length)) {
            return false;
        }
    }
    if (packets != 0 && packets != 0xFFFFFFFFu) {
        // No model has isochronous endpoints; skip the descriptors to stay in step.
        Bytes skip(static_cast<std::size_t>(packets) * 16);
        if (!readExactly(device.fd, skip.data(), skip.size())) {
            return false;
        }
    }
    auto done = device.device->submit(transfer);
    if (done) {
        answer(device, seqnum, transfer, *done);
    } else {
        device.pending.push_back({seqnum, transfer});
    }
    if (!transfer.in && transfer.endpoint != 0) {
        // An OUT message may have made answers (and may fire a scenario's trigger).
        std::string name = device.name;
        std::vector<std::string> actions;
        for (auto it = device.triggers.begin(); it != device.triggers.end();) {
            std::size_t count = it->bytes
                                    ? device.device->bulkOutBytes()
                                    : static_cast<std::size_t>(device.device->bulkOutTransfers());
            if (count >= it->at) {
                actions.push_back(it->action);
                it = device.triggers.erase(it);
            } else {
                ++it;
            }
        }
        retryPending(device);
        for (const auto& action : actions) {
            auto still = devices_.find(name);
            if (still == devices_.end()) {
                break;
            }
            act(still->second, action);
        }
    }
    return true;
}

int Bus::run() {
    std::string input;
    while (!quit_) {
        std::vector<pollfd> fds{{STDIN_FILENO, POLLIN, 0}};
        std::vector<std::string> names;
        for (auto& [name, device] : devices_) {
            fds.push_back({device.fd, POLLIN, 0});
            names.push_back(name);
        }
        if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) {
            return 1;
        }
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            char buffer[512];
            ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0) {
                break; // the script closed our input: done
            }
            input.append(buffer, static_cast<std::size_t>(n));
            for (auto end = input.find('\n'); end != std::string::npos; end = input.find('\n')) {
                command(input.substr(0, end));
                input.erase(0, end + 1);
            }
        }
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                continue;
            }
            auto found = devices_.find(names[i - 1]);
            if (found == devices_.end()) {
                continue;
            }
            if (!serve(found->second)) {
                auto still = devices_.find(names[i - 1]);
                if (still != devices_.end()) {
                    std::cerr << "vusb: " << names[i - 1] << ": the kernel closed the link"
                              << std::endl;
                    ::close(still->second.fd);
                    devices_.erase(still);
                }
            }
        }
    }
    for (auto& [name, device] : devices_) {
        writeSysfs("detach", std::to_string(device.port));
        ::close(device.fd);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::filesystem::path profiles = "content/cards";
    std::filesystem::path pages = "/tmp/vusb-pages";
    std::filesystem::path csca;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string option = argv[i];
        if (option == "--profiles") {
            profiles = argv[i + 1];
        } else if (option == "--pages") {
            pages = argv[i + 1];
        } else if (option == "--csca") {
            csca = argv[i + 1];
        } else {
            std::cerr << "usage: kiosk-vusb [--profiles DIR] [--pages DIR] [--csca FILE]\n";
            return 2;
        }
    }
    if (argc == 2) {
        std::cerr << "usage: kiosk-vusb [--profiles DIR] [--pages DIR] [--csca FILE]\n";
        return 2;
    }
    auto pki = sim::generateTestPki();
    if (!pki) {
        std::cerr << "kiosk-vusb: " << pki.error().message << '\n';
        return 1;
    }
    if (!csca.empty()) {
        // The cards' issuer, so the kiosk in the test machine can verify what it reads.
        if (auto written = sim::writeCscaCertificate(*pki, csca); !written) {
            std::cerr << "kiosk-vusb: " << written.error().message << '\n';
            return 1;
        }
    }
    Bus bus(profiles, pages, std::move(*pki));
    std::cout << "ready" << std::endl;
    return bus.run();
}
