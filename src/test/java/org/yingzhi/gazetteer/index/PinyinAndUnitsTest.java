package org.yingzhi.gazetteer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.security.Role;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;

/** Names found by pinyin, and unit strings that name the same unit. */
class PinyinAndUnitsTest {

    @Test
    void namesHaveTheirInitialsAndFullPinyin() {
        List<String> keys = Pinyin.keys("张晓明");
        assertTrue(keys.contains("zxm"), keys.toString());
        assertTrue(keys.contains("zhangxiaoming"), keys.toString());
        assertTrue(Pinyin.keys("重庆援藏").stream().anyMatch(k -> k.startsWith("cq")), "重 read chong as well as zhong");
        assertTrue(Pinyin.keys("重庆援藏").stream().anyMatch(k -> k.startsWith("zq")));
        assertTrue(Pinyin.keys("  ").isEmpty());
        assertEquals(List.of("h3y"), Pinyin.keys("H3Y"), "letters and digits count as they are");
        assertTrue(Pinyin.keys("一二三四五六七八九十").size() <= 17, "at most 16 combinations of initials, and the full pinyin");
    }

    @Test
    void onlyLatinLettersAreAPinyinQuery() {
        assertTrue(Pinyin.isPinyinQuery("zxm"));
        assertTrue(Pinyin.isPinyinQuery(" ZhangXiaoming "));
        assertFalse(Pinyin.isPinyinQuery("张x"));
        assertFalse(Pinyin.isPinyinQuery("zx m"));
        assertFalse(Pinyin.isPinyinQuery(null));
    }

    @Test
    void unitKeysIgnoreWidthSpacesAndCase() {
        assertEquals(Units.key("援藏 工作队"), Units.key("援藏工作队"));
        assertEquals(Units.key("ＸＪ援疆指挥部"), Units.key("xj援疆指挥部"), "full-width letters are the same unit");
        assertEquals(Units.key("\u3000省卫健委\t"), Units.key("省卫健委"));
    }

    @Test
    void theListNamesAUserByTheUnitsListedName() {
        Map<String, String> list = Map.of(Units.key("省卫健委"), "省卫生健康委员会", Units.key("省卫生健康委员会"), "省卫生健康委员会");
        UnitNames names = s -> s == null ? null : list.getOrDefault(Units.key(s.strip()), s.strip());
        assertTrue(names.same("省卫健委", " 省卫生健康委员会 "));
        assertFalse(names.same("省卫健委", "援藏工作队"));
        assertFalse(names.same("", ""), "no unit is no unit, not the same unit");
        assertEquals("省卫生健康委员会", names.listed(new User("a", "A", Role.CONTRIBUTOR, "省卫健委")).unit());
        assertEquals("", names.listed(new User("a", "A", Role.VIEWER, "")).unit());
        assertEquals("未列入的单位", UnitNames.AS_GIVEN.canonical(" 未列入的单位 "));
    }
}
