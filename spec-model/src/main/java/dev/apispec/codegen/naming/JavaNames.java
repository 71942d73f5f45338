package dev.apispec.codegen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one place that turns spec names into Java names. Rules are stable: the same spec name always
 * gives the same Java name, so regenerating never renames user-visible API by accident.
 */
public final class JavaNames {
  /** Names a generated record reserves for itself. */
  public static final String UNKNOWN_FIELDS = "unknownFields";

  /**
   * Names a generated record reserves: its own members, and the classes its constructors name in code
   * ({@code Objects.requireNonNull}, {@code Map.of()}, {@code Collections.unmodifiableMap}), which a component
   * of the same name would hide.
   */
  private static final Set<String> RESERVED_COMPONENT_NAMES =
      Set.of(UNKNOWN_FIELDS, "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait",
          "clone", "finalize", "Objects", "Map", "Collections");

  private JavaNames() {}

  /** {@code del_flag} → {@code delFlag}, {@code recommend/list} → {@code recommendList}, {@code class} → {@code class_}. */
  public static String lowerCamel(String name) {
    return legal(camel(name, false));
  }

  /** {@code group-tag} → {@code GroupTag}. */
  public static String upperCamel(String name) {
    return legal(camel(name, true));
  }

  /**
   * {@code addressBookList} → {@code ADDRESS_BOOK_LIST}; any character that cannot be in a Java name
   * separates words too ({@code relate-cancel} → {@code RELATE_CANCEL}).
   */
  public static String upperSnake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == '_' || !Character.isJavaIdentifierPart(c);
      if ((separator || Character.isUpperCase(c)) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      if (!separator) {
        out.append(Character.toUpperCase(c));
      }
    }
    return legal(out.toString());
  }

  /**
   * Whether {@code name} can be used as written: an identifier and not a keyword. Characters that javac ignores
   * in identifiers are not allowed: {@code ab} with a soft hyphen (U+00AD) between its letters would be the same
   * name as {@code ab}.
   */
  public static boolean isLegal(String name) {
    return SourceVersion.isName(name) && !name.contains(".") && !name.equals("_")
        && name.codePoints().noneMatch(Character::isIdentifierIgnorable);
  }

  /** Whether a record component may use this name without clashing with generated members. */
  public static boolean isReservedComponent(String name) {
    return RESERVED_COMPONENT_NAMES.contains(name);
  }

  private static String camel(String name, boolean upperFirst) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    name.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean upper = i > 0 || upperFirst;
      String first = w.substring(0, w.offsetByCodePoints(0, 1));
      out.append(upper ? first.toUpperCase(Locale.ROOT) : first.toLowerCase(Locale.ROOT))
          .append(w.substring(first.length()));
    }
    return out.toString();
  }

  /** Makes a name legal: a leading digit gets {@code _}, a keyword gets a trailing {@code _}. */
  private static String legal(String name) {
    if (name.isEmpty()) {
      return "_unnamed";
    }
    String result = Character.isJavaIdentifierStart(name.codePointAt(0)) ? name : "_" + name;
    if (SourceVersion.isKeyword(result) || result.equals("_")) {
      result = result + "_";
    }
    return result;
  }
}
