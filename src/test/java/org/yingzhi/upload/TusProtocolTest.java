package org.yingzhi.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.web.ApiException;

/** The edges of tus's Upload-Metadata header: pairs of key and base64 value, Chinese file names, limits. */
class TusProtocolTest {

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pairsAreDecodedAsUtf8AndAKeyMayStandAlone() {
        Map<String, String> m = TusController.metadata("filename " + b64("拉萨调研.jpg") + ", metadata "
                + b64("{\"title\":\"拉萨\"}") + ",is_confidential");
        assertEquals("拉萨调研.jpg", m.get("filename"));
        assertEquals("{\"title\":\"拉萨\"}", m.get("metadata"));
        assertEquals("", m.get("is_confidential"), "a key without a value (tus allows it)");
        assertEquals(Map.of(), TusController.metadata(null));
        assertEquals(Map.of(), TusController.metadata("  "));
        assertEquals(Map.of("a", "x"), TusController.metadata(",, a " + b64("x") + " ,"), "empty pairs are skipped");
    }

    @Test
    void aValueThatIsNotBase64IsRefusedNamingItsKey() {
        ApiException e = assertThrows(ApiException.class, () -> TusController.metadata("filename 拉萨.jpg"));
        assertEquals(400, e.status().value());
        assertTrue(e.getMessage().contains("'filename'"), e.getMessage());
    }

    @Test
    void aFileNameThatIsNotUtf8OrHoldsControlCharactersIsRefused() {
        String notUtf8 = java.util.Base64.getEncoder().encodeToString(new byte[] {'a', (byte) 0xff, (byte) 0xfe, '.', 'j'});
        ApiException e = assertThrows(ApiException.class, () -> TusController.metadata("filename " + notUtf8));
        assertEquals(400, e.status().value());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        ApiException nul = assertThrows(ApiException.class, () -> TusController.metadata("filename " + b64("a\u0000.jpg")));
        assertTrue(nul.getMessage().contains("control character"), nul.getMessage());
        assertEquals("e\u0301.jpg".length() - 1, TusController.metadata("filename " + b64("e\u0301.jpg")).get("filename").length(),
                "taken in NFC");
    }

    @Test
    void anOversizedHeaderIsRefusedBeforeItIsRead() {
        String huge = "k " + "A".repeat(64 * 1024);
        ApiException e = assertThrows(ApiException.class, () -> TusController.metadata(huge));
        assertTrue(e.getMessage().contains("64 KB"), e.getMessage());
    }
}
