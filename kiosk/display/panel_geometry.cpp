// Rotation arithmetic between the panel's native framebuffer and the upright UI.
#include "kiosk/display/panel_geometry.hpp"

namespace kiosk {

std::optional<Rotation> rotationFromDegrees(int degrees) {
    switch (degrees) {
    case 0:
        return Rotation::None;
    case 90:
        return Rotation::Quarter;
    case 180:
        return Rotation::Half;
    case 270:
        return Rotation::ThreeQuarters;
    default:
        return std::nullopt;
    }
}

int rotationDegrees(Rotation rotation) {
    switch (rotation) {
    case Rotation::None:
        return 0;
    case Rotation::Quarter:
        return 90;
    case Rotation::Half:
        return 180;
    case Rotation::ThreeQuarters:
        return 270;
    }
    return 0;
}

bool swapsAxes(Rotation rotation) {
    return rotation == Rotation::Quarter || rotation == Rotation::ThreeQuarters;
}

Size logicalSize(Size native, Rotation rotation) {
    return swapsAxes(rotation) ? Size{native.height, native.width} : native;
}

Point nativeToLogical(Point p, Size native, Rotation rotation) {
    // Undo a clockwise turn: the logical top-left sits at the native top-right for 90 degrees.
    switch (rotation) {
    case Rotation::None:
        return p;
    case Rotation::Quarter:
        return {p.y, native.width - p.x};
    case Rotation::Half:
        return {native.width - p.x, native.height - p.y};
    case Rotation::ThreeQuarters:
        return {native.height - p.y, p.x};
    }
    return p;
}

Point logicalToNative(Point p, Size logical, Rotation rotation) {
    switch (rotation) {
    case Rotation::None:
        return p;
    case Rotation::Quarter:
        return {logical.height - p.y, p.x};
    case Rotation::Half:
        return {logical.width - p.x, logical.height - p.y};
    case Rotation::ThreeQuarters:
        return {p.y, logical.width - p.x};
    }
    return p;
}

Placement rotatedPlacement(int nativeWidth, int nativeHeight, Rotation rotation) {
    Placement placement;
    placement.angleDegrees = rotationDegrees(rotation);
    if (swapsAxes(rotation)) {
        // The upright picture is nativeHeight wide; centred on the panel's centre, a quarter
        // turn about that centre lays it exactly over the panel.
        placement.width = nativeHeight;
        placement.height = nativeWidth;
        placement.x = (nativeWidth - nativeHeight) / 2;
        placement.y = (nativeHeight - nativeWidth) / 2;
    } else {
        placement.width = nativeWidth;
        placement.height = nativeHeight;
    }
    return placement;
}

} // namespace kiosk
