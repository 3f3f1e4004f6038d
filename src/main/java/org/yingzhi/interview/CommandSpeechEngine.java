package org.yingzhi.interview;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A speech recogniser an office installs by hand, run as a command with its model directory: for example Vosk's
 * {@code vosk-transcriber -m {model} -i {input} -l {language} -t srt -o {output}} with a Chinese model
 * (vosk-model-cn-0.22), or whisper.cpp's {@code whisper-cli -m {model} -f {input} -l {language} -osrt -of ...}.
 * The command writes SRT or WebVTT to {@code {output}}. Configured by {@code yingzhi.speech.command} and
 * {@code yingzhi.speech.model-dir}; not available until both are set and the model directory exists. No such
 * engine or model can be installed on the machines this project is built on, so this wiring is not tested here
 * beyond its refusal when unconfigured.
 */
@Component
class CommandSpeechEngine implements SpeechEngine {

    private final String command;
    private final String modelDir;

    CommandSpeechEngine(@Value("${yingzhi.speech.command:}") String command,
            @Value("${yingzhi.speech.model-dir:}") String modelDir) {
        this.command = command == null ? "" : command.strip();
        this.modelDir = modelDir == null ? "" : modelDir.strip();
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String model() {
        return modelDir.isEmpty() ? "" : Path.of(modelDir).getFileName().toString();
    }

    @Override
    public Optional<String> unavailable() {
        if (command.isEmpty()) {
            return Optional.of("speech.noCommand");
        }
        if (modelDir.isEmpty() || !Files.isDirectory(Path.of(modelDir))) {
            return Optional.of("speech.noModel");
        }
        return Optional.empty();
    }

    @Override
    public boolean words() {
        return true;
    }

    @Override
    public List<Cue> recognize(Path media, String language, long durationMillis) throws Exception {
        Path out = Files.createTempFile("speech-", ".srt");
        try {
            List<String> args = new ArrayList<>();
            // split on spaces before substituting, so a path with spaces stays one argument
            for (String part : command.split("\\s+")) {
                args.add(part.replace("{model}", modelDir).replace("{input}", media.toString())
                        .replace("{language}", language).replace("{output}", out.toString()));
            }
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(Math.max(10, durationMillis / 1000 * 4), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the speech engine took too long");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("the speech engine failed with exit code " + p.exitValue());
            }
            byte[] b = Files.readAllBytes(out);
            String head = new String(b, 0, Math.min(b.length, 16), StandardCharsets.UTF_8);
            return TranscriptFormats.read(b, head.contains("WEBVTT") ? TranscriptFormats.Format.VTT
                    : TranscriptFormats.Format.SRT).cues();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
