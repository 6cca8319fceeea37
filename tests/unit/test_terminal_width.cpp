#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include "cli/terminal_width.hpp"

using namespace plancheck::cli;

TEST_CASE("table_width") {
  CHECK(table_width(std::nullopt, 0) == 100);    // piped, or --output
  CHECK(table_width(std::nullopt, 80) == 100);   // a narrow terminal keeps the 100-column layout
  CHECK(table_width(std::nullopt, 180) == 180);  // a wide one is used whole
  CHECK(table_width(60, 180) == 60);             // --width wins
  CHECK(table_width(200, 0) == 200);
}

TEST_CASE("terminal_columns") {
  SUBCASE("not a terminal: never asked, COLUMNS ignored") {
    const int fd = open("/dev/null", O_WRONLY);
    REQUIRE(fd >= 0);
    CHECK(terminal_columns(fd, "150") == 0);
    close(fd);
  }
}
