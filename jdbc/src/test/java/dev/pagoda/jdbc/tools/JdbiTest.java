package dev.pagoda.jdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDBI, unchanged, over a Pagoda file database opened by URL. */
class JdbiTest {
  @TempDir Path dir;

  private Jdbi jdbi;

  /** A bean for {@code mapToBean}: public, with a no-argument constructor and setters. */
  public static final class Person {
    private long id;
    private String name;
    private double height;

    public Person() {}

    public long getId() {
      return id;
    }

    public void setId(long id) {
      this.id = id;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public double getHeight() {
      return height;
    }

    public void setHeight(double height) {
      this.height = height;
    }
  }

  record Named(long id, String name) {}

  @BeforeEach
  void createTable() {
    jdbi = Jdbi.create("jdbc:pagoda:" + dir.resolve("jdbi.db"));
    jdbi.useHandle(
        h -> {
          h.execute("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL, height REAL)");
          h.execute("INSERT INTO person(name, height) VALUES (?, ?)", "Ada", 1.65);
          h.execute("INSERT INTO person(name, height) VALUES (?, ?)", "Alan", 1.78);
        });
  }

  @Test
  void createQuery_bindMapTo_readsOneValue() {
    String name =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT name FROM person WHERE height > :min ORDER BY id")
                    .bind("min", 1.7)
                    .mapTo(String.class)
                    .one());
    assertEquals("Alan", name);
  }

  @Test
  void mapToBean_fillsBeans() {
    List<Person> people =
        jdbi.withHandle(
            h -> h.createQuery("SELECT id, name, height FROM person ORDER BY id")
                .mapToBean(Person.class)
                .list());
    assertEquals(2, people.size());
    assertEquals(1, people.get(0).getId());
    assertEquals("Ada", people.get(0).getName());
    assertEquals(1.78, people.get(1).getHeight());
  }

  @Test
  void map_rowMapper_readsColumnsByLabel() {
    List<Named> rows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT id, name FROM person ORDER BY name DESC")
                .map((rs, ctx) -> new Named(rs.getLong("id"), rs.getString("name")))
                .list());
    assertEquals(List.of(new Named(2, "Alan"), new Named(1, "Ada")), rows);
  }

  @Test
  void createUpdate_bindsAndCountsRows() {
    int updated =
        jdbi.withHandle(
            h -> h.createUpdate("UPDATE person SET height = height + :d WHERE name LIKE :p")
                .bind("d", 0.01)
                .bind("p", "A%")
                .execute());
    assertEquals(2, updated);
    long id =
        jdbi.withHandle(
            h -> {
              h.createUpdate("INSERT INTO person(name) VALUES (:n)").bind("n", "Grace").execute();
              return h.createQuery("SELECT last_insert_rowid()").mapTo(Long.class).one();
            });
    assertEquals(3, id);
  }

  @Test
  void inTransaction_exception_rollsBack() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                jdbi.useTransaction(
                    h -> {
                      h.execute("INSERT INTO person(name) VALUES (?)", "Temp");
                      h.execute("DELETE FROM person WHERE name = ?", "Ada");
                      throw new IllegalStateException("boom");
                    }));
    assertEquals("boom", e.getMessage());
    assertEquals(
        List.of("Ada", "Alan"),
        jdbi.withHandle(
            h -> h.createQuery("SELECT name FROM person ORDER BY id").mapTo(String.class).list()));
  }

  @Test
  void inTransaction_success_commits() {
    int count =
        jdbi.inTransaction(
            h -> {
              h.execute("INSERT INTO person(name) VALUES (?)", "Barbara");
              return h.createQuery("SELECT count(*) FROM person").mapTo(Integer.class).one();
            });
    assertEquals(3, count);
    Optional<String> found =
        jdbi.withHandle(
            h -> h.createQuery("SELECT name FROM person WHERE name = :n")
                .bind("n", "Barbara")
                .mapTo(String.class)
                .findOne());
    assertEquals(Optional.of("Barbara"), found);
  }
}
