// Tests of the kiosk-gateway program itself: keygen, serve with the control endpoint, list.
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <array>
#include <csignal>
#include <cstdio>
#include <httplib.h>
#include <iostream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

int freePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string run(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        output += buffer.data();
    }
    CHECK(::pclose(pipe) == 0);
    return output;
}

} // namespace

TEST_CASE("kiosk-gateway generates keys, serves, takes faults from loopback and lists",
          "[gateway]") {
    testing::TempDir dir;
    std::string program = KIOSK_GATEWAY_PROGRAM;
    run(program + " keygen --out " + dir.path().string());
    struct stat info {};
    REQUIRE(::stat((dir / "gateway.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    auto privateKey = readKeyFile(dir / "gateway.key");
    auto publicKey = readKeyFile(dir / "gateway.pub");
    REQUIRE(privateKey.ok());
    CHECK(*x25519PublicFromPrivate(*privateKey) == *publicKey);

    std::ofstream(dir / "kiosks.txt") << testing::kKioskId << ' ' << testing::kKioskSecret << '\n';
    int port = freePort();
    std::cout.flush();
    std::fflush(stdout);
    pid_t server = ::fork();
    if (server == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::string db = (dir / "gateway.db").string();
        std::string key = (dir / "gateway.key").string();
        std::string kiosks = (dir / "kiosks.txt").string();
        std::string listen = "127.0.0.1:" + std::to_string(port);
        ::execl(program.c_str(), program.c_str(), "serve", "--db", db.c_str(), "--key", key.c_str(),
                "--kiosks", kiosks.c_str(), "--listen", listen.c_str(), "--control",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    httplib::Client control("127.0.0.1", port);
    int injectedStatus = 0;
    for (int i = 0; i < 100 && injectedStatus == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (auto reply = control.Post("/control/fault?kind=drop_after_commit&times=1")) {
            injectedStatus = reply->status;
        }
    }
    CHECK(injectedStatus == 200);
    CHECK(control.Post("/control/fault?kind=nonsense")->status == 400);

    initialiseHttp();
    OutboxOptions options;
    options.gatewayPublicKey = *publicKey;
    auto outbox = Outbox::open(dir / "outbox.db", options).value();
    CommitRequest request;
    request.procedureCode = "1.000656";
    request.now = nowUnixSeconds();
    request.buildPayload = [](const std::string& reference) {
        return nlohmann::json{{"MaTTHC", "1.000656"},
                              {"SoThamChieu", reference},
                              {"SoNgayXuLy", 2}, // required: the gateway computes the appointment
                              {"ChuHoSo", "Phạm Thị Riêng Tư"},
                              {"DuLieuBieuMau", {{"a", "1"}, {"b", "2"}}}};
    };
    auto entry = outbox->commit(request).value();
    GatewayEndpoint endpoint;
    endpoint.baseUrl = "http://127.0.0.1:" + std::to_string(port);
    endpoint.kioskId = testing::kKioskId;
    endpoint.secret = testing::kKioskSecret;
    auto client = makeHttpGatewayClient(endpoint);
    Sender sender(*outbox, *client, SenderOptions{}, nullptr);
    CHECK(sender.deliverDueNow().failed == 1); // dropped after the gateway stored it
    REQUIRE(outbox->retryAll(nowUnixSeconds()).ok());
    CHECK(sender.deliverDueNow().delivered == 1);
    std::string code = (*outbox->find(entry.localReference))->dossierCode;
    CHECK(control.Post(("/control/status?code=" + code + "&status=done").c_str())->status == 200);
    CHECK(client->status(code).value->status == "done");

    ::kill(server, SIGTERM);
    int status = 0;
    REQUIRE(::waitpid(server, &status, 0) == server);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    std::string listing = run(program + " list --db " + (dir / "gateway.db").string() + " --key " +
                              (dir / "gateway.key").string() + " 2>/dev/null");
    CHECK(listing.find(code + "\t") != std::string::npos);
    CHECK(listing.find("\t1.000656\tvinh-tuong-01\t" + entry.localReference + "\tdone\tyes\t2") !=
          std::string::npos);
    CHECK(listing.find("Riêng Tư") == std::string::npos);
}
