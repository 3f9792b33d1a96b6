// Pure geometry of a turned panel: upright (logical) sizes and points versus the native ones.
#pragma once

#include <optional>

namespace kiosk {

// How far the UI is turned, clockwise, on the panel's native framebuffer. A landscape panel
// mounted in portrait needs Quarter or ThreeQuarters; SDL's KMS/DRM driver will not turn it.
enum class Rotation { None, Quarter, Half, ThreeQuarters };

std::optional<Rotation> rotationFromDegrees(int degrees);
int rotationDegrees(Rotation rotation);
// True when the logical width is the native height (90 and 270 degrees).
bool swapsAxes(Rotation rotation);

struct Size {
    double width = 0;
    double height = 0;
    bool operator==(const Size&) const = default;
};

struct Point {
    double x = 0;
    double y = 0;
};

// The upright size the UI lays out in, for a native size (pixels or millimetres alike).
Size logicalSize(Size native, Rotation rotation);

// A point on the native framebuffer (y down) to where it lands in the upright UI, and back.
// Coordinates are continuous: the native corner (0,0) maps onto a logical corner exactly.
Point nativeToLogical(Point native, Size nativeSize, Rotation rotation);
Point logicalToNative(Point logical, Size logicalSize, Rotation rotation);

// Where to copy the upright picture (logical size) so that, turned about its centre by the
// rotation, it covers the native framebuffer exactly (what SDL_RenderCopyEx expects).
struct Placement {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    double angleDegrees = 0; // clockwise, as SDL_RenderCopyEx takes it
};
Placement rotatedPlacement(int nativeWidth, int nativeHeight, Rotation rotation);

} // namespace kiosk
