// DisplayPower: the connector's DPMS property through libdrm on SDL's card descriptor.
#include "ui/platform/display_power.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <xf86drm.h>
#include <xf86drmMode.h>

// SDL_syswm.h brings in Xlib, whose macros (Status, None, Bool) would break code after it:
// included last, `Status` undone here, and the file kept out of the unity build.
#include <SDL_syswm.h>
#undef Status

namespace kiosk::ui {
namespace {

// The id of the connector's "DPMS" property, 0 when it has none.
std::uint32_t dpmsPropertyOf(int fd, std::uint32_t connector) {
    drmModeObjectProperties* properties =
        drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
    if (properties == nullptr) {
        return 0;
    }
    std::uint32_t found = 0;
    for (std::uint32_t i = 0; i < properties->count_props && found == 0; ++i) {
        drmModePropertyRes* property = drmModeGetProperty(fd, properties->props[i]);
        if (property != nullptr && std::strcmp(property->name, "DPMS") == 0) {
            found = property->prop_id;
        }
        drmModeFreeProperty(property);
    }
    drmModeFreeObjectProperties(properties);
    return found;
}

} // namespace

Result<DisplayPower> DisplayPower::open(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window, &info) != SDL_TRUE) {
        return makeError("display_power.wm",
                         std::string("no window information: ") + SDL_GetError());
    }
    if (info.subsystem != SDL_SYSWM_KMSDRM) {
        return makeError("display_power.driver",
                         "the video driver is not kmsdrm: the panel's power is not ours");
    }
    int fd = info.info.kmsdrm.drm_fd;
    drmModeRes* resources = drmModeGetResources(fd);
    if (resources == nullptr) {
        return makeError("display_power.resources",
                         std::string("cannot read the card's connectors: ") + std::strerror(errno));
    }
    std::uint32_t connector = 0;
    std::uint32_t dpms = 0;
    for (int i = 0; i < resources->count_connectors && dpms == 0; ++i) {
        drmModeConnector* candidate = drmModeGetConnector(fd, resources->connectors[i]);
        if (candidate != nullptr && candidate->connection == DRM_MODE_CONNECTED) {
            connector = candidate->connector_id;
            dpms = dpmsPropertyOf(fd, connector);
        }
        drmModeFreeConnector(candidate);
    }
    drmModeFreeResources(resources);
    if (dpms == 0) {
        return makeError("display_power.dpms", "no connected connector has a DPMS property");
    }
    return DisplayPower(fd, connector, dpms);
}

Status DisplayPower::apply(ScreenPowerState state) const {
    std::uint64_t value = state == ScreenPowerState::Blank ? DRM_MODE_DPMS_OFF : DRM_MODE_DPMS_ON;
    if (drmModeConnectorSetProperty(cardFd_, connector_, dpmsProperty_, value) != 0) {
        return makeError("display_power.set",
                         std::string("DPMS could not be set: ") + std::strerror(errno));
    }
    return ok();
}

} // namespace kiosk::ui
