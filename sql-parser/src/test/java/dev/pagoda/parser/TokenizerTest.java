package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  /** "TYPE:text" for each token. */
  private static List<String> tokens(String sql) {
    char[] chars = sql.toCharArray();
    Tokenizer t = new Tokenizer(chars, 0, Tokenizer.limitOf(sql));
    List<String> out = new ArrayList<>();
    for (t.next(); t.type != TokenType.EOF; t.next()) {
      out.add(t.type + ":" + sql.substring(t.start, t.end));
    }
    return out;
  }

  @Test
  void tokenize_keywordsAnyCase_areKeywordTokens() {
    assertEquals(
        List.of("SELECT:select", "DISTINCT:DiStInCt", "FROM:From", "TEMP:temporary"),
        tokens("select DiStInCt From temporary"));
  }

  @Test
  void tokenize_identifiers_plainQuotedBracketedBackticked() {
    assertEquals(
        List.of("ID:abc_1$", "ID:\"a \"\"b\"", "ID:[x y]", "ID:`c``d`", "ID:été", "ID:_x"),
        tokens("abc_1$ \"a \"\"b\" [x y] `c``d` été _x"));
  }

  @Test
  void tokenize_keywordPrefixWithDigitOrDollar_isIdentifier() {
    assertEquals(List.of("ID:select1", "ID:from$", "ID:x"), tokens("select1 from$ x"));
  }

  @Test
  void tokenize_strings_withDoubledQuote() {
    assertEquals(List.of("STRING:'it''s'", "STRING:''"), tokens("'it''s' ''"));
  }

  @Test
  void tokenize_numbers_allForms() {
    assertEquals(
        List.of("INTEGER:123", "FLOAT:1.5", "FLOAT:.5", "FLOAT:1e10", "FLOAT:1E-3", "FLOAT:2.",
            "INTEGER:0x1F", "INTEGER:0X1f", "QNUMBER:1_000", "QNUMBER:0xA_B"),
        tokens("123 1.5 .5 1e10 1E-3 2. 0x1F 0X1f 1_000 0xA_B"));
  }

  @Test
  void tokenize_numberRunIntoLetters_isIllegal() {
    assertEquals(List.of("ILLEGAL:123abc", "ILLEGAL:0xZZ", "ILLEGAL:1e"), tokens("123abc 0xZZ 1e"));
  }

  @Test
  void tokenize_exponentWithoutDigits_endsTheNumber() {
    assertEquals(List.of("INTEGER:1", "PLUS:+", "ID:e"), tokens("1 + e"));
    assertEquals(List.of("ILLEGAL:1e"), tokens("1e"));
  }

  @Test
  void tokenize_blobs_evenHexDigitsOnly() {
    assertEquals(List.of("BLOB:x'AB'", "BLOB:X''", "ILLEGAL:x'ABC'", "ILLEGAL:x'G1'"),
        tokens("x'AB' X'' x'ABC' x'G1'"));
  }

  @Test
  void tokenize_xNotFollowedByQuote_isIdentifier() {
    assertEquals(List.of("ID:x", "ID:xyz"), tokens("x xyz"));
  }

  @Test
  void tokenize_operators_longestMatch() {
    assertEquals(
        List.of("CONCAT:||", "PTR:->", "PTR:->>", "EQ:==", "EQ:=", "NE:<>", "NE:!=", "LSHIFT:<<",
            "RSHIFT:>>", "LE:<=", "GE:>=", "LT:<", "GT:>", "BITOR:|", "BITAND:&", "BITNOT:~",
            "MINUS:-", "SLASH:/", "REM:%", "STAR:*", "PLUS:+", "DOT:.", "COMMA:,", "SEMI:;",
            "LP:(", "RP:)"),
        tokens("|| -> ->> == = <> != << >> <= >= < > | & ~ - / % * + . , ; ( )"));
  }

  @Test
  void tokenize_comments_areSkipped() {
    assertEquals(List.of("ID:a", "ID:b", "ID:c"), tokens("a -- one\nb /* two */ c /* unterminated"));
    assertEquals(List.of("ID:a"), tokens("a --"));
  }

  @Test
  void tokenize_slashStarAtEndOfInput_isSlashThenStar() {
    assertEquals(List.of("ID:a", "SLASH:/", "STAR:*"), tokens("a /*"));
  }

  @Test
  void tokenize_variables_allForms() {
    assertEquals(
        List.of("VARIABLE:?", "VARIABLE:?12", "VARIABLE::name", "VARIABLE:@n", "VARIABLE:$n",
            "VARIABLE:#n", "VARIABLE:$a::b", "VARIABLE:$a(x)"),
        tokens("? ?12 :name @n $n #n $a::b $a(x)"));
  }

  @Test
  void tokenize_tclVariableWithSpaceInParens_isIllegal() {
    assertEquals(List.of("ILLEGAL:$a(x", "ID:y", "RP:)"), tokens("$a(x y)"));
  }

  @Test
  void tokenize_badCharacters_areIllegal() {
    assertEquals(
        List.of("ILLEGAL:#", "ILLEGAL:!", "ILLEGAL:^", "ILLEGAL:$", "ILLEGAL:]", "ILLEGAL:\\"),
        tokens("# ! ^ $ ] \\"));
  }

  @Test
  void tokenize_unterminatedQuotes_runToEndAsIllegal() {
    assertEquals(List.of("ILLEGAL:'abc def"), tokens("'abc def"));
    assertEquals(List.of("ID:a", "ILLEGAL:\"b"), tokens("a \"b"));
    assertEquals(List.of("ILLEGAL:[b"), tokens("[b"));
  }

  @Test
  void tokenize_nulCharacter_endsInput() {
    assertEquals(List.of("ID:a"), tokens("a\0 b"));
  }

  @Test
  void tokenize_byteOrderMarkAndFormFeed_areWhitespace() {
    assertEquals(List.of("ID:a", "ID:b"), tokens("\uFEFFa\fb"));
  }

  @Test
  void keywords_lookup_coversAll147() {
    int n = 0;
    for (TokenType t : TokenType.values()) {
      if (t.isKeyword()) {
        n++;
        assertEquals(t, Keywords.lookup(t.keywordText().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    assertEquals(146, n, "147 keywords, TEMPORARY spelled TEMP");
    assertEquals(TokenType.TEMP, Keywords.lookup("Temporary"));
    assertEquals(TokenType.ID, Keywords.lookup("selec"));
    assertEquals(TokenType.ID, Keywords.lookup("true"));
  }
}
