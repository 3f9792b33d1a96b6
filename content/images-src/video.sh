#!/usr/bin/env bash
# Makes the lesson video content/videos/vneid-activation.mp4: a 16 s slideshow of the rendered
# pictures with a caption in Vietnamese and English beside each. Needs ffmpeg with libx264 and
# fonts-noto-core; run render.sh first. The MP4 is committed, so the build never runs this.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pictures="$here/../images/lessons"
out="$here/../videos/vneid-activation.mp4"
bold=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
regular=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

# picture | Vietnamese caption (lines split by |) | English caption
slides=(
  "approval-sms|1. Đăng ký tại công an,|chờ tin nhắn phê duyệt|Register at the police and|wait for the approval SMS"
  "install-store|2. Cài ứng dụng VNeID|từ CH Play hoặc App Store|Install VNeID from|CH Play or the App Store"
  "vneid-activate|3. Gõ số định danh, số điện|thoại, chạm “Gửi yêu cầu”|Type your ID and phone|number, tap “Gửi yêu cầu”"
  "password-rules|4. Gõ mã OTP, đặt mật khẩu|và mật mã 6 số|Type the OTP, set a password|and a 6-digit passcode"
)
inputs=()
filters=""
i=0
for slide in "${slides[@]}"; do
  IFS='|' read -r picture vi1 vi2 en1 en2 <<<"$slide"
  printf '%s\n%s' "$vi1" "$vi2" >"$work/vi$i.txt"
  printf '%s\n%s' "$en1" "$en2" >"$work/en$i.txt"
  inputs+=(-loop 1 -framerate 10 -t 4 -i "$pictures/$picture.png")
  # The picture on the left, the caption on the right in type big enough to read from a chair.
  filters+="[$i:v]scale=-2:540,pad=960:540:0:0:color=0xeef3f8,format=yuv420p,"
  filters+="drawtext=fontfile=$bold:textfile=$work/vi$i.txt:fontsize=34:line_spacing=10:fontcolor=0x1b2430:x=430:y=170,"
  filters+="drawtext=fontfile=$regular:textfile=$work/en$i.txt:fontsize=26:line_spacing=8:fontcolor=0x4a5563:x=430:y=300,"
  # The first slide starts without a fade, so the player's first frame already shows a picture.
  fade_in="fade=t=in:st=0:d=0.4,"
  [ "$i" -eq 0 ] && fade_in=""
  filters+="${fade_in}fade=t=out:st=3.6:d=0.4,setsar=1[s$i];"
  i=$((i + 1))
done
for ((j = 0; j < i; j++)); do filters+="[s$j]"; done
filters+="concat=n=$i:v=1:a=0[v]"
# Main profile, 10 frames/s and a still-image tune: a Raspberry Pi-class board decodes it with
# ease and the file stays near 100 KB.
ffmpeg -loglevel error -y "${inputs[@]}" -filter_complex "$filters" -map "[v]" -r 10 \
  -c:v libx264 -profile:v main -preset slow -tune stillimage -crf 28 -pix_fmt yuv420p \
  -movflags +faststart "$out"
printf '%s %d bytes\n' "$out" "$(stat -c %s "$out")"
