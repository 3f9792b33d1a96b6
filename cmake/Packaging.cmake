# Install rules and the Debian package (cpack -G DEB): programs, systemd unit, udev rules, the
# default configuration and the signed sample content pack with its trust key.
include(GNUInstallDirs)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# System locations are absolute: the package installs them where Debian keeps them whatever the
# install prefix (/usr for the package).
set(KIOSK_SYSTEMD_DIR ${CMAKE_CURRENT_SOURCE_DIR}/systemd)
install(FILES ${KIOSK_SYSTEMD_DIR}/kiosk.service ${KIOSK_SYSTEMD_DIR}/kiosk-usb-mount@.service
              ${KIOSK_SYSTEMD_DIR}/kiosk-usb-export.path ${KIOSK_SYSTEMD_DIR}/kiosk-usb-export.service
        DESTINATION /lib/systemd/system)
# The root helper that saves reports on the stick (kiosk-usb-export.service runs it).
install(PROGRAMS ${KIOSK_SYSTEMD_DIR}/kiosk-usb-export DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kiosk)
install(FILES ${KIOSK_SYSTEMD_DIR}/60-kiosk-printer.rules
              ${KIOSK_SYSTEMD_DIR}/60-kiosk-card-reader.rules ${KIOSK_SYSTEMD_DIR}/90-kiosk-usb.rules
              ${KIOSK_SYSTEMD_DIR}/60-kiosk-backlight.rules
        DESTINATION /lib/udev/rules.d)
install(FILES ${KIOSK_SYSTEMD_DIR}/kiosk.ini DESTINATION /etc/kiosk)
# A capped journal for an SD card (docs/storage.md); a drop-in, so /etc/systemd stays the admin's.
install(FILES ${KIOSK_SYSTEMD_DIR}/journald-kiosk.conf DESTINATION /usr/lib/systemd/journald.conf.d
        RENAME 60-kiosk.conf)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(TARGET content_pack)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/content/vinh-tuong.kpack
          DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/content/trust/content-signing.pub
          DESTINATION /etc/kiosk/content-keys RENAME vinh-tuong-sample.pub)
endif()

set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VENDOR "Village kiosk project")
set(CPACK_PACKAGE_CONTACT "Village kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Touchscreen kiosk for community digital access points (SDL KMS/DRM)")
set(CPACK_PACKAGE_DESCRIPTION
    "Full-screen kiosk for village digital access points: administrative dossiers, receipts on a USB\n\
ESC/POS printer, the chip citizen ID card on a USB CCID reader. Runs as the kiosk user under a\n\
hardened systemd service straight on the display, without a desktop.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps (real Debian package names and versions); the
# rest is what the kiosk opens at run time or the maintainer scripts call.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# systemd is a dependency, not a recommendation, so that dpkg configures it first and the
# postinst can enable kiosk.service.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, passwd, util-linux, systemd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "udev")
# pcscd would claim the card reader that the kiosk drives itself over libusb.
set(CPACK_DEBIAN_PACKAGE_CONFLICTS "pcscd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb/postinst ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb/postrm ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# A cross build (cmake/toolchain-arm64.cmake) sets the Debian architecture of the target.
if(KIOSK_DEB_ARCHITECTURE)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${KIOSK_DEB_ARCHITECTURE})
endif()
include(CPack)
