package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

class ToyTasksTest {

    @Test
    void copyTargetEqualsSource() {
        List<SentencePair> pairs = ToyTasks.copy(200, 8, 3, 10, 1);
        assertEquals(200, pairs.size());
        for (SentencePair pair : pairs) {
            assertEquals(pair.source(), pair.target());
            int length = pair.source().split(" ").length;
            assertTrue(length >= 3 && length <= 10);
            assertTrue(
                    pair.source()
                            .chars()
                            .filter(c -> c != ' ')
                            .allMatch(c -> c >= 'a' && c < 'a' + 8));
        }
    }

    @Test
    void reverseTargetIsSourceReversed() {
        for (SentencePair pair : ToyTasks.reverse(200, 10, 1, 12, 2)) {
            List<String> tokens = new java.util.ArrayList<>(List.of(pair.source().split(" ")));
            Collections.reverse(tokens);
            assertEquals(String.join(" ", tokens), pair.target());
        }
    }

    @Test
    void datesMapToTheIsoFormOfTheSameDate() {
        for (SentencePair pair : ToyTasks.dates(500, 3)) {
            LocalDate date = LocalDate.parse(pair.target().replace(" ", ""));
            String month =
                    date.getMonth()
                            .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            .toLowerCase(Locale.ENGLISH);
            String source = pair.source();
            assertTrue(source.contains(String.valueOf(date.getYear())), pair.toString());
            assertTrue(
                    source.contains(month)
                            || source.contains(
                                    date.getDayOfMonth() + "/" + date.getMonthValue() + "/"),
                    pair.toString());
            assertTrue(source.matches(".*\\b" + date.getDayOfMonth() + "\\b.*"), pair.toString());
        }
    }

    @Test
    void sameSeedSameData() {
        assertEquals(ToyTasks.dates(50, 9), ToyTasks.dates(50, 9));
        assertEquals(ToyTasks.copy(50, 5, 2, 4, 9), ToyTasks.copy(50, 5, 2, 4, 9));
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ToyTasks.copy(10, 27, 1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> ToyTasks.reverse(10, 5, 4, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> ToyTasks.dates(0, 1));
    }
}
