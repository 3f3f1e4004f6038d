package org.yingzhi.media.spec;

/** Browser audio: AAC in an MP4 (.m4a) container, at most {@code maxChannels} channels. */
public record AudioProxySpec(int bitrate, int maxChannels, int sampleRate) {

    public static final AudioProxySpec DEFAULT = new AudioProxySpec(128_000, 2, 48_000);

    public int channelsFor(int sourceChannels) {
        return Math.max(1, Math.min(sourceChannels, maxChannels));
    }
}
