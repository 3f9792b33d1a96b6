# Shortcuts for developers who have make; the README's commands are the scripts themselves.
.PHONY: run test screenshots log-dictionary format

run:
	./scripts/run.sh

test:
	./scripts/test.sh

screenshots:
	cmake --build --preset dev && SDL_VIDEODRIVER=offscreen build/dev/kiosk/programs/kiosk --screenshots build/screenshots

log-dictionary:
	cmake --build --preset dev --target kioskctl && build/dev/kiosk/programs/kioskctl log-dictionary > docs/log-events.md

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
