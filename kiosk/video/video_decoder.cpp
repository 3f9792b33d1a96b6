// FFmpeg demuxing (libavformat), decoding (libavcodec) and RGBA conversion (libswscale).
#include "kiosk/video/video_decoder.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <string>

namespace kiosk::video {

struct VideoDecoder::Impl {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    SwsContext* scaler = nullptr;
    AVPacket* packet = nullptr;
    AVFrame* frame = nullptr;
    int stream = -1;
    int width = 0;
    int height = 0;
    bool draining = false; // the demuxer is at its end; the decoder gives its last frames
    bool finished = false;

    ~Impl() {
        sws_freeContext(scaler);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }
};

namespace {

std::string averror(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

} // namespace

VideoDecoder::VideoDecoder(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

VideoDecoder::~VideoDecoder() = default;

Result<std::unique_ptr<VideoDecoder>> VideoDecoder::open(const std::filesystem::path& file,
                                                         int maxWidth) {
    auto impl = std::make_unique<Impl>();
    int status = avformat_open_input(&impl->format, file.c_str(), nullptr, nullptr);
    if (status < 0) {
        return makeError("video_unreadable", file.string() + ": " + averror(status));
    }
    status = avformat_find_stream_info(impl->format, nullptr);
    if (status < 0) {
        return makeError("video_invalid", file.string() + ": " + averror(status));
    }
    const AVCodec* decoder = nullptr;
    impl->stream = av_find_best_stream(impl->format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (impl->stream < 0 || decoder == nullptr) {
        return makeError("video_invalid", file.string() + ": no video stream this kiosk decodes");
    }
    impl->codec = avcodec_alloc_context3(decoder);
    if (impl->codec == nullptr ||
        avcodec_parameters_to_context(impl->codec, impl->format->streams[impl->stream]->codecpar) <
            0 ||
        avcodec_open2(impl->codec, decoder, nullptr) < 0) {
        return makeError("video_invalid", file.string() + ": the decoder could not start");
    }
    int sourceWidth = impl->codec->width;
    int sourceHeight = impl->codec->height;
    if (sourceWidth <= 0 || sourceHeight <= 0) {
        return makeError("video_invalid", file.string() + ": the video has no size");
    }
    impl->width = sourceWidth;
    impl->height = sourceHeight;
    if (maxWidth > 0 && sourceWidth > maxWidth) {
        impl->width = maxWidth;
        impl->height = std::max(1, sourceHeight * maxWidth / sourceWidth);
    }
    impl->scaler =
        sws_getContext(sourceWidth, sourceHeight, impl->codec->pix_fmt, impl->width, impl->height,
                       AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
    impl->packet = av_packet_alloc();
    impl->frame = av_frame_alloc();
    if (impl->scaler == nullptr || impl->packet == nullptr || impl->frame == nullptr) {
        return makeError("video_invalid", file.string() + ": cannot convert its pixel format");
    }
    return std::unique_ptr<VideoDecoder>(new VideoDecoder(std::move(impl)));
}

int VideoDecoder::width() const {
    return impl_->width;
}

int VideoDecoder::height() const {
    return impl_->height;
}

double VideoDecoder::durationSeconds() const {
    if (impl_->format->duration <= 0) {
        return 0;
    }
    return static_cast<double>(impl_->format->duration) / AV_TIME_BASE;
}

Result<std::optional<VideoFrame>> VideoDecoder::next() {
    Impl& d = *impl_;
    while (!d.finished) {
        int status = avcodec_receive_frame(d.codec, d.frame);
        if (status == 0) {
            VideoFrame out;
            out.width = d.width;
            out.height = d.height;
            AVStream* stream = d.format->streams[d.stream];
            std::int64_t pts = d.frame->best_effort_timestamp;
            std::int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
            out.seconds = pts == AV_NOPTS_VALUE
                              ? 0
                              : static_cast<double>(pts - start) * av_q2d(stream->time_base);
            out.rgba.resize(static_cast<std::size_t>(d.width) * d.height * 4);
            std::uint8_t* planes[4] = {out.rgba.data(), nullptr, nullptr, nullptr};
            int strides[4] = {d.width * 4, 0, 0, 0};
            sws_scale(d.scaler, d.frame->data, d.frame->linesize, 0, d.frame->height, planes,
                      strides);
            av_frame_unref(d.frame);
            return std::optional<VideoFrame>(std::move(out));
        }
        if (status == AVERROR_EOF) {
            d.finished = true;
            break;
        }
        if (status != AVERROR(EAGAIN)) {
            return makeError("video_decode_failed", averror(status));
        }
        if (d.draining) {
            d.finished = true; // a decoder that wants more input after the flush has no more
            break;
        }
        // The decoder wants input: feed it the next packet of our stream.
        status = av_read_frame(d.format, d.packet);
        if (status == AVERROR_EOF) {
            d.draining = true;
            avcodec_send_packet(d.codec, nullptr);
            continue;
        }
        if (status < 0) {
            return makeError("video_decode_failed", averror(status));
        }
        if (d.packet->stream_index == d.stream) {
            status = avcodec_send_packet(d.codec, d.packet);
            if (status < 0 && status != AVERROR(EAGAIN)) {
                av_packet_unref(d.packet);
                return makeError("video_decode_failed", averror(status));
            }
        }
        av_packet_unref(d.packet);
    }
    return std::optional<VideoFrame>{};
}

Status VideoDecoder::rewind() {
    Impl& d = *impl_;
    int status = av_seek_frame(d.format, d.stream, 0, AVSEEK_FLAG_BACKWARD);
    if (status < 0) {
        return makeError("video_seek_failed", averror(status));
    }
    avcodec_flush_buffers(d.codec);
    d.draining = false;
    d.finished = false;
    return ok();
}

} // namespace kiosk::video
