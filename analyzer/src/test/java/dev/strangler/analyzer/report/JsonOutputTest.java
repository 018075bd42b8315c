package dev.strangler.analyzer.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JsonOutputTest {
    /** The text the writer made before it wrote bytes: escaped as a string, then encoded by the JDK. */
    private static String expectedQuoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return text.append('"').toString();
    }

    @Test
    void writes_the_bytes_the_jdk_encoder_gives_for_the_escaped_text() {
        String[] values = {"plain", "quote \" and \\ backslash", "tab\tline\nreturn\r", "\u0001\u001f", "é ü ß",
                "– → × ✓", "😀 a pair", "lone \ud800 high", "lone \udc00 low", "\udc00\ud800 reversed", "end \ud83d",
                "<script>&</script>", "\u2028\u2029", ""};
        for (String value : values) {
            JsonOutput json = new JsonOutput().beginArray().string(value).endArray();

            assertThat(json.toUtf8()).as(value)
                    .isEqualTo(("[\n  " + expectedQuoted(value) + "\n]\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void random_text_gives_the_same_bytes_as_encoding_the_escaped_string() {
        Random random = new Random(15);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                value.append(switch (random.nextInt(6)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0x800 + random.nextInt(0xD000));
                    case 3 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, paired or not
                    case 4 -> (char) (0xE000 + random.nextInt(0x2000));
                    default -> (char) random.nextInt(0x20);
                });
            }
            JsonOutput json = new JsonOutput().beginObject().field(value.toString(), value.toString()).endObject();

            assertThat(json.toUtf8()).isEqualTo(("{\n  " + expectedQuoted(value.toString()) + ": "
                    + expectedQuoted(value.toString()) + "\n}\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void notes_where_each_character_a_script_element_cannot_hold_starts_as_a_search_of_the_bytes_finds_them() {
        Random random = new Random(2028);
        String alphabet = "<>&\u2028\u2029a\"\\\né→\ud83d\ude00\ud800";
        for (int round = 0; round < 500; round++) {
            JsonOutput json = new JsonOutput().beginArray();
            for (int s = random.nextInt(4); s >= 0; s--) {
                StringBuilder value = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                json.string(value.toString());
            }
            JsonBytes noted = json.endArray().toJsonBytes();

            assertThat(noted.utf8()).isEqualTo(json.toUtf8());
            assertThat(noted.scriptUnsafe()).isEqualTo(JsonBytes.of(json.toUtf8()).scriptUnsafe());
        }
    }

    @Test
    void members_written_apart_and_appended_give_the_bytes_and_noted_places_of_one_writer() {
        JsonOutput whole = new JsonOutput().beginObject().field("a", "<1>").key("list").beginArray().string("x")
                .endArray().field("b", "&\u2028").field("c", 2).endObject();

        JsonOutput part = JsonOutput.continuing(1, true).key("list").beginArray().string("x").endArray()
                .field("b", "&\u2028");
        JsonOutput joined = new JsonOutput().beginObject().field("a", "<1>").append(part).field("c", 2).endObject();

        assertThat(joined.toUtf8()).isEqualTo(whole.toUtf8());
        assertThat(joined.toJsonBytes().scriptUnsafe()).isEqualTo(whole.toJsonBytes().scriptUnsafe())
                .isEqualTo(JsonBytes.of(whole.toUtf8()).scriptUnsafe()).hasSize(4);
    }
}
