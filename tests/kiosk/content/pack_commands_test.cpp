// kioskctl pack commands: exit status and the reason of every refusal.
#include "tests/kiosk/cli/kioskctl_test_support.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct PackCommandsRun {
    int status = 0;
    std::string out;
    std::string err;
};

PackCommandsRun pack(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    int status = testing::kioskctl({"pack"}, args, out, err);
    return PackCommandsRun{status, out.str(), err.str()};
}

} // namespace

TEST_CASE("kioskctl pack walks keygen, build, verify, install, status and rollback", "[pack]") {
    PackFixture fixture;
    std::string dir = fixture.temp.path().string();
    REQUIRE(pack({"keygen", "-o", dir + "/signer"}).status == 0);
    struct stat info {};
    REQUIRE(::stat((dir + "/signer").c_str(), &info) == 0);
    REQUIRE((info.st_mode & 0777) == 0600);
    REQUIRE(pack({"keygen", "-o", dir + "/signer"}).status == 1); // never overwrites a key
    std::filesystem::create_directories(dir + "/trust2");
    std::filesystem::copy_file(dir + "/signer.pub", dir + "/trust2/signer.pub");

    std::string source = fixture.source(sampleFiles("one"), 1, "cli").string();
    writeText(std::filesystem::path(source) / "README.md", "excluded from the pack");
    PackCommandsRun built =
        pack({"build", source, "-o", dir + "/one.kpack", "--key", dir + "/signer"});
    REQUIRE(built.status == 0);
    REQUIRE(built.out.find("5 files") != std::string::npos);
    REQUIRE(pack({"build", source, "-o", dir + "/two.kpack", "--key", dir + "/signer", "--sequence",
                  "2"})
                .status == 0);

    REQUIRE(pack({"verify", dir + "/one.kpack", "--pubkey", dir + "/signer.pub"}).status == 0);
    PackCommandsRun wrongKey =
        pack({"verify", dir + "/one.kpack", "--pubkey", fixture.key.string() + ".pub"});
    REQUIRE(wrongKey.status == 1);
    REQUIRE(wrongKey.err.find("bad_signature") != std::string::npos);

    std::string store = dir + "/store";
    REQUIRE(
        pack({"install", dir + "/one.kpack", "--content-dir", store, "--trust", dir + "/trust2"})
            .status == 0);
    PackCommandsRun replay =
        pack({"install", dir + "/one.kpack", "--content-dir", store, "--trust", dir + "/trust2"});
    REQUIRE(replay.status == 1);
    REQUIRE(replay.err.find("not_newer") != std::string::npos);
    PackCommandsRun untrusted = pack(
        {"install", dir + "/two.kpack", "--content-dir", store, "--trust", fixture.trust.string()});
    REQUIRE(untrusted.status == 1);
    REQUIRE(untrusted.err.find("bad_signature") != std::string::npos);
    REQUIRE(
        pack({"install", dir + "/two.kpack", "--content-dir", store, "--trust", dir + "/trust2"})
            .status == 0);

    PackCommandsRun status = pack({"status", "--content-dir", store});
    REQUIRE(status.status == 0);
    REQUIRE(status.out.find("current: vn.phutho.vinhtuong sequence 2") != std::string::npos);
    REQUIRE(status.out.find("previous: vn.phutho.vinhtuong sequence 1") != std::string::npos);
    PackCommandsRun rolled = pack({"rollback", "--content-dir", store});
    REQUIRE(rolled.status == 0);
    REQUIRE(rolled.out.find("sequence 1") != std::string::npos);
    auto installed = ContentStore::open(store);
    REQUIRE_FALSE(installed->readFile("README.md"));
}

TEST_CASE("kioskctl pack rejects unknown commands and missing options with usage", "[pack]") {
    REQUIRE(pack({}).status == 2);
    REQUIRE(pack({"explode"}).status == 2);
    REQUIRE(pack({"install", "x.kpack"}).status == 2);
    REQUIRE(pack({"build", "src", "-o", "out"}).status == 2);
    REQUIRE(pack({"build", "src", "-o", "out", "--key", "k", "--sequence", "zero"}).status == 2);
    REQUIRE(pack({"status", "--bogus", "x"}).status == 2);
}
