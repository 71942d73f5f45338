package dev.apispec.codegen.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How spec names become Java names. These names are public API of every generated client: they must not drift. */
class JavaNamesTest {

  @ParameterizedTest(name = "{0} -> {1} / {2} / {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # spec name     | lowerCamel     | upperCamel     | upperSnake
      del_flag        | delFlag        | DelFlag        | DEL_FLAG
      recommend/list  | recommendList  | RecommendList  | RECOMMEND_LIST
      relate-cancel   | relateCancel   | RelateCancel   | RELATE_CANCEL
      group-tag       | groupTag       | GroupTag       | GROUP_TAG
      a-b             | aB             | AB             | A_B
      addressBookList | addressBookList| AddressBookList| ADDRESS_BOOK_LIST
      class           | class_         | Class          | CLASS
      default         | default_       | Default        | DEFAULT
      123abc          | _123abc        | _123abc        | _123ABC
      名字             | 名字            | 名字            | 名字
      """)
  void namesAreDerivedByOneRule(String spec, String lowerCamel, String upperCamel, String upperSnake) {
    assertEquals(lowerCamel, JavaNames.lowerCamel(spec));
    assertEquals(upperCamel, JavaNames.upperCamel(spec));
    assertEquals(upperSnake, JavaNames.upperSnake(spec));
    for (String name : List.of(lowerCamel, upperCamel, upperSnake)) {
      assertTrue(SourceVersion.isName(name), name + " is a legal Java name");
    }
  }

  @Test
  void upperSnakeOfALowerCamelMethodNameIsItsConstantName() {
    assertEquals("RELATE_CANCEL", JavaNames.upperSnake(JavaNames.lowerCamel("relate-cancel")));
    assertEquals("RECOMMEND_LIST", Symbols.endpointConstant("recommendList"));
    assertEquals("CLASS_", JavaNames.upperSnake("class_"));
  }

  @Test
  void keywordsAndLiteralsGetATrailingUnderscore() {
    assertEquals("private_", JavaNames.lowerCamel("private"));
    assertEquals("true_", JavaNames.lowerCamel("true"));
    assertEquals("null_", JavaNames.lowerCamel("null"));
  }

  @Test
  void aNameWithoutLettersOrDigitsGetsAPlaceholder() {
    assertEquals("_unnamed", JavaNames.lowerCamel("_"));
    assertEquals("_unnamed", JavaNames.lowerCamel("--"));
  }

  @Test
  void namesAreStableAcrossCalls() {
    for (String spec : List.of("del_flag", "recommend/list", "relate-cancel", "class", "123abc", "名字", "a-b")) {
      String first = JavaNames.lowerCamel(spec);
      for (int i = 0; i < 3; i++) {
        assertEquals(first, JavaNames.lowerCamel(spec));
        assertEquals(JavaNames.upperCamel(spec), JavaNames.upperCamel(spec));
        assertEquals(JavaNames.upperSnake(spec), JavaNames.upperSnake(spec));
      }
    }
  }

  @Test
  void legalNamesAreIdentifiersThatAreNotKeywords() {
    assertTrue(JavaNames.isLegal("relateCancel"));
    assertTrue(JavaNames.isLegal("名字"));
    assertFalse(JavaNames.isLegal("class"));
    assertFalse(JavaNames.isLegal("a.b"));
    assertFalse(JavaNames.isLegal("_"));
    assertFalse(JavaNames.isLegal("1a"));
    // javac ignores a soft hyphen (U+00AD) or a C1 control in a name: "ab" with one inside is the same name as "ab"
    assertTrue(JavaNames.isLegal("ab"));
    assertFalse(JavaNames.isLegal("a\u00adb"));
    assertFalse(JavaNames.isLegal("a\u0098b"));
  }

  @Test
  void recordsReserveTheNamesOfTheirOwnMembers() {
    assertTrue(JavaNames.isReservedComponent("unknownFields"));
    assertTrue(JavaNames.isReservedComponent("hashCode"));
    // a component of that name would hide the class the record's constructors call
    assertTrue(JavaNames.isReservedComponent("Objects"));
    assertTrue(JavaNames.isReservedComponent("Map"));
    assertTrue(JavaNames.isReservedComponent("Collections"));
    assertFalse(JavaNames.isReservedComponent("chatId"));
    assertFalse(JavaNames.isReservedComponent("objects"));
  }
}
