#pragma once
// A small streaming JSON writer: objects, arrays, strings escaped per RFC 8259,
// doubles in their shortest round-trip form, non-finite numbers as null.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

// --json-style: pretty (indented), compact (one line, no spaces), lines
// (JSON Lines: one compact object per line; docs/output-formats.md).
enum class JsonStyle { Pretty, Compact, Lines };
JsonStyle parse_json_style(std::string_view s);  // "pretty", "compact" or "lines"

class JsonWriter {
 public:
  JsonWriter() = default;
  // A fragment to be placed `depth` levels deep in a larger document: it is
  // indented to match and starts on a new line (pretty), or is written on
  // one line without spaces (compact).
  explicit JsonWriter(int depth, bool compact = false)
      : first_(static_cast<std::size_t>(depth), true), compact_(compact) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(int i);
  JsonWriter& value(bool b);
  JsonWriter& null();
  template <typename T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }

  // The document, ending with a newline.
  std::string str() const { return out_ + "\n"; }
  // A fragment as written (no final newline).
  const std::string& fragment() const { return out_; }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
  bool compact_ = false;
};

std::string json_escape(std::string_view s);

}  // namespace plancheck
