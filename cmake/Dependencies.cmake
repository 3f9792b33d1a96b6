# Every third-party dependency comes from a Debian package (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(nlohmann_json REQUIRED)
# The programs' command lines (libcli11-dev, header-only).
find_package(CLI11 REQUIRED)
find_package(Freetype REQUIRED)
find_package(SDL2 REQUIRED)
pkg_check_modules(LIBUSB REQUIRED IMPORTED_TARGET libusb-1.0)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
pkg_check_modules(INIH REQUIRED IMPORTED_TARGET inih)
# The panel's power (DPMS) on the KMS/DRM display, which SDL has no call for.
pkg_check_modules(LIBDRM REQUIRED IMPORTED_TARGET libdrm)
# Spoken lesson guidance and lesson videos.
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)

# Dear ImGui ships as a static library plus the backends' sources (compiled by ui/).
# An imported static target, so the linker sees FreeType after libimgui.a (which needs it).
find_library(IMGUI_LIBRARY imgui REQUIRED)
find_library(STB_LIBRARY stb REQUIRED)
add_library(imgui_pkg STATIC IMPORTED)
set_target_properties(imgui_pkg PROPERTIES IMPORTED_LOCATION ${IMGUI_LIBRARY})
target_include_directories(imgui_pkg SYSTEM INTERFACE /usr/include/imgui)
target_link_libraries(imgui_pkg INTERFACE ${STB_LIBRARY} Freetype::Freetype)
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)

# stb_image_write comes from libstb-dev (PNG output of screenshots and receipts).
add_library(stb_pkg INTERFACE)
target_include_directories(stb_pkg SYSTEM INTERFACE /usr/include/stb)
target_link_libraries(stb_pkg INTERFACE ${STB_LIBRARY})
