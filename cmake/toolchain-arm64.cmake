# Cross-compiles for Debian arm64 (64-bit Raspberry Pi OS, Pi 4/5) with Debian's cross toolchain
# (g++-aarch64-linux-gnu) against multiarch :arm64 -dev packages; scripts/build-arm64.sh installs
# both. Programs built for the target (tests, kioskctl making the content pack) run under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(KIOSK_TARGET_TRIPLET aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${KIOSK_TARGET_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${KIOSK_TARGET_TRIPLET}-g++)
# Multiarch: headers stay in /usr/include, libraries and CMake/pkg-config files live in
# /usr/lib/aarch64-linux-gnu, which find_library() searches first with this set.
set(CMAKE_LIBRARY_ARCHITECTURE ${KIOSK_TARGET_TRIPLET})

# Never pick up a host (amd64) library, only arm64 ones; programs (ccache, qemu) come from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${KIOSK_TARGET_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
set(CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu
                      /usr/lib/x86_64-linux-gnu/cmake /usr/lib/x86_64-linux-gnu/pkgconfig)

# pkg-config must read the arm64 .pc files only.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${KIOSK_TARGET_TRIPLET}/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

# ctest, catch_discover_tests and the content pack's kioskctl steps run target programs here.
find_program(KIOSK_QEMU NAMES qemu-aarch64-static qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU})

# The .deb's Architecture field, and dpkg-shlibdeps reading arm64 binaries.
set(KIOSK_DEB_ARCHITECTURE arm64 CACHE STRING "Debian architecture of the package")
