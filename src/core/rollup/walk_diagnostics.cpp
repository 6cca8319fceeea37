#include "core/rollup/walk_diagnostics.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "core/util/temp_file.hpp"

namespace plancheck {
namespace {

// Stands where the first spilled warning would be, so that the empty sheet
// name ranks as it did when every diagnostic was held (no path holds a NUL).
const std::string kSpillMarker("\0spilled", 8);

// Spilled records stay in memory up to this size; a run with fewer warnings
// makes no temporary file.
constexpr std::size_t kInMemory = 64 << 10;

void put(std::string& out, const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
template <typename T>
void put(std::string& out, T v) {
  put(out, &v, sizeof v);
}
void put_text(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

bool mentions(const Diagnostics& diags, const std::string& file) {
  for (const Diagnostic& d : diags.items())
    if (d.where.file() == file) return true;
  return false;
}

}  // namespace

// The files of the walk, one record each, in order: the name, the role and
// the plan's own spilled check diagnostics (possibly none), written once
// and read back from the start as often as asked.
class WalkDiagnostics::Spill {
 public:
  void write(std::string_view bytes) {
    if (!file_ && head_.size() + bytes.size() <= kInMemory) {
      head_.append(bytes);
      return;
    }
    if (!file_) {
      file_ = std::make_unique<TempFile>();
      file_->write(head_);
      head_ = std::string();
    }
    file_->write(bytes);
  }

  struct Record {
    std::string name;
    FileRole role = FileRole::Plan;
    std::optional<Diagnostics> own;  // the spilled part, if any
  };

  class Reader {
   public:
    explicit Reader(Spill& spill) : spill_(spill) {}
    bool next(Record& r) {
      if (at_ == size()) return false;
      r.name = text();
      r.role = static_cast<FileRole>(get<std::uint8_t>());
      r.own.reset();
      const auto n = get<std::uint32_t>();
      if (n == 0) return true;
      r.own.emplace();
      const auto errors = get<std::uint64_t>();
      const auto warnings = get<std::uint64_t>();
      const auto file = std::make_shared<const std::string>(r.name);
      for (std::uint32_t i = 0; i < n; ++i) {
        const auto severity = static_cast<Severity>(get<std::uint8_t>());
        const auto line = get<std::int32_t>();
        const auto column = get<std::int32_t>();
        // Both wordings were spilled: the language is chosen when printed.
        std::string english = text();
        std::string vietnamese = text();
        const Message message =
            Message::per_lang([&](Lang lang) { return lang == Lang::Vi ? vietnamese : english; });
        Location where(file, line, column);
        severity == Severity::Error ? r.own->error(std::move(where), message) : r.own->warning(std::move(where), message);
      }
      r.own->add_dropped(r.name, errors, warnings);
      return true;
    }

   private:
    std::uint64_t size() const { return spill_.file_ ? spill_.file_->size() : spill_.head_.size(); }
    // Bytes [at_, at_ + n), through a buffer when they are in the file.
    void read(char* out, std::size_t n) {
      if (!spill_.file_) {
        std::memcpy(out, spill_.head_.data() + at_, n);
        at_ += n;
        return;
      }
      while (n > 0) {
        if (at_ < buffer_at_ || at_ >= buffer_at_ + buffer_.size()) {
          buffer_.resize(kInMemory);
          buffer_.resize(spill_.file_->read(at_, buffer_.data(), buffer_.size()));
          buffer_at_ = at_;
          if (buffer_.empty()) throw std::runtime_error("a temporary file ended early");
        }
        const std::size_t from = static_cast<std::size_t>(at_ - buffer_at_);
        const std::size_t take = std::min(n, buffer_.size() - from);
        std::memcpy(out, buffer_.data() + from, take);
        at_ += take;
        out += take;
        n -= take;
      }
    }
    template <typename T>
    T get() {
      T v;
      read(reinterpret_cast<char*>(&v), sizeof v);
      return v;
    }
    std::string text() {
      std::string s(get<std::uint32_t>(), '\0');
      read(s.data(), s.size());
      return s;
    }

    Spill& spill_;
    std::uint64_t at_ = 0;         // the next byte to read
    std::uint64_t buffer_at_ = 0;  // where buffer_ starts in the file
    std::string buffer_;
  };

 private:
  std::string head_;
  std::unique_ptr<TempFile> file_;
};

// Everything held in memory, in the order of the stages, sorted for
// printing; the spilled parts go between its files.
struct WalkDiagnostics::Sorted {
  Reported reported;  // counted before the stages were moved here
  Diagnostics held;
  std::unordered_set<std::string> before_checks;  // files with diagnostics before the check stage
  // Each file's diagnostics in `held`, [first, last), in print order.
  std::vector<std::pair<std::size_t, std::size_t>> groups;
};

namespace {

// Moved when `to` is still empty (the usual case), else copied: a batch may
// have many.
void add(Diagnostics& to, Diagnostics& from) {
  if (to.items().empty() && to.warning_count() == 0 && !to.has_errors())
    to = std::move(from);
  else
    to.append(from);
  from = Diagnostics();
}

}  // namespace

WalkDiagnostics::WalkDiagnostics() : spill_(std::make_unique<Spill>()) {}
WalkDiagnostics::~WalkDiagnostics() = default;
WalkDiagnostics::WalkDiagnostics(WalkDiagnostics&&) noexcept = default;
WalkDiagnostics& WalkDiagnostics::operator=(WalkDiagnostics&&) noexcept = default;

void WalkDiagnostics::file(const std::string& name, FileRole role, const Diagnostics& load, const Diagnostics& attach,
                           const Diagnostics& derive, const Diagnostics& check) {
  ++files_;
  if (role == FileRole::Plan) ++plan_files_;
  load_.append(load);
  attach_.append(attach);
  derive_.append(derive);
  check_errors_ += check.error_count();
  check_warnings_ += check.warning_count();
  // A plan's own check diagnostics are spilled: nothing later names its
  // file when the checks are reported (no error: a later plan's stages
  // name only its own file and data files). Held instead when an earlier
  // stage named it, to be sorted with those.
  const auto own_file = [&](const Diagnostic& d) { return d.where.file() == name; };
  const bool spill = role == FileRole::Plan && !mentions(load, name) && !mentions(attach, name) &&
                     !mentions(derive, name) &&
                     std::none_of(check.items().begin(), check.items().end(),
                                  [&](const Diagnostic& d) { return own_file(d) && !d.where.sheet().empty(); });
  std::string part;
  std::uint32_t own = 0;
  std::vector<std::string> kept_files;
  for (const Diagnostic& d : check.items()) {
    if (spill && own_file(d)) {
      if (own++ == 0) ++spilled_parts_;
      put(part, static_cast<std::uint8_t>(d.severity));
      put(part, static_cast<std::int32_t>(d.where.line));
      put(part, static_cast<std::int32_t>(d.where.column));
      put_text(part, d.message.str(Lang::En));
      put_text(part, d.message.str(Lang::Vi));
      continue;
    }
    keep_check(d);
    if (std::find(kept_files.begin(), kept_files.end(), d.where.file()) == kept_files.end())
      kept_files.push_back(d.where.file());
  }
  // What the plan's checks counted past the limit goes with its file.
  for (const std::string& f : kept_files) {
    const auto [errors, warnings] = check.dropped(f);
    check_late_.add_dropped(f, errors, warnings);
  }
  std::string record;
  put_text(record, name);
  put(record, static_cast<std::uint8_t>(role));
  put(record, own);
  if (own > 0) {
    const auto [errors, warnings] = check.dropped(name);
    put(record, static_cast<std::uint64_t>(errors));
    put(record, static_cast<std::uint64_t>(warnings));
    record += part;
  }
  spill_->write(record);
}

void WalkDiagnostics::keep_check(const Diagnostic& d) {
  check_first_.try_emplace(d.where.file(), spilled_parts_);
  Diagnostics& to = spilled_parts_ == 0 ? check_early_ : check_late_;
  d.severity == Severity::Error ? to.error(d.where, d.message) : to.warning(d.where, d.message);
}

WalkDiagnostics::Reported WalkDiagnostics::reported() const {
  if (sorted_) return sorted_->reported;
  Reported r;
  r.any_errors = load_.has_errors() || attach_.has_errors() || derive_.has_errors() || check_errors_ > 0;
  const bool derived = !load_.has_errors() && !attach_.has_errors();
  r.checks = derived && !derive_.has_errors();
  r.errors = load_.error_count() + attach_.error_count() + (derived ? derive_.error_count() : 0) +
             (r.checks ? check_errors_ : 0);
  r.warnings = load_.warning_count() + attach_.warning_count() + (derived ? derive_.warning_count() : 0) +
               (r.checks ? check_warnings_ : 0);
  return r;
}

bool WalkDiagnostics::any_errors() const { return reported().any_errors; }
std::size_t WalkDiagnostics::error_count() const { return reported().errors; }
std::size_t WalkDiagnostics::warning_count() const { return reported().warnings; }
bool WalkDiagnostics::has_errors() const { return reported().errors > 0; }

const WalkDiagnostics::Sorted& WalkDiagnostics::sorted() {
  if (sorted_) return *sorted_;
  auto s = std::make_unique<Sorted>();
  s->reported = reported();
  add(s->held, load_);
  add(s->held, attach_);
  if (!s->held.has_errors()) add(s->held, derive_);
  if (s->reported.checks) {
    for (const Diagnostic& d : s->held.items()) s->before_checks.insert(d.where.file());
    add(s->held, check_early_);
    if (spilled_parts_ > 0) s->held.warning(Location(kSpillMarker), Message::verbatim(""));
    add(s->held, check_late_);
  }
  s->held.sort_by_location();
  const std::vector<Diagnostic>& items = s->held.items();
  for (std::size_t i = 0; i < items.size(); ++i)
    if (i == 0 || items[i].where.file() != items[i - 1].where.file()) s->groups.push_back({i, i + 1});
    else s->groups.back().second = i + 1;
  sorted_ = std::move(s);
  return *sorted_;
}

void WalkDiagnostics::each(const std::function<void(const Diagnostic&)>& f) {
  const Sorted& s = sorted();
  Spill::Reader reader(*spill_);
  Spill::Record record;
  std::uint64_t given = 0;
  // The spilled parts that come before a file held from the checks: those
  // spilled before it first came.
  const auto parts_until = [&](std::uint64_t limit) {
    while (given < limit && reader.next(record)) {
      if (!record.own) continue;
      record.own->sort_by_location();
      for (const Diagnostic& d : record.own->items()) f(d);
      ++given;
    }
  };
  const std::vector<Diagnostic>& held = s.held.items();
  for (const auto& [first, last] : s.groups) {
    const std::string& file = held[first].where.file();
    if (s.reported.checks && !s.before_checks.count(file))
      if (const auto it = check_first_.find(file); it != check_first_.end()) parts_until(it->second);
    if (file == kSpillMarker) continue;
    for (std::size_t i = first; i < last; ++i) f(held[i]);
  }
  if (s.reported.checks) parts_until(spilled_parts_);
}

void WalkDiagnostics::each_file(const std::function<void(const FileDiagnostics&)>& f) {
  const Sorted& s = sorted();
  const std::vector<Diagnostic>& held = s.held.items();
  std::unordered_map<std::string_view, std::size_t> group_of;  // file -> index in s.groups
  for (std::size_t g = 0; g < s.groups.size(); ++g) group_of.emplace(held[s.groups[g].first].where.file(), g);
  const auto items_of = [&](std::size_t g) {
    return std::vector<Diagnostic>(held.begin() + static_cast<std::ptrdiff_t>(s.groups[g].first),
                                   held.begin() + static_cast<std::ptrdiff_t>(s.groups[g].second));
  };
  std::vector<bool> given(s.groups.size(), false);
  Spill::Reader reader(*spill_);
  Spill::Record record;
  while (reader.next(record)) {
    FileDiagnostics fd{record.name, record.role, {}};
    if (const auto it = group_of.find(record.name); it != group_of.end()) {
      fd.items = items_of(it->second);
      given[it->second] = true;
    } else if (s.reported.checks && record.own) {
      record.own->sort_by_location();
      fd.items = record.own->items();
    }
    f(fd);
  }
  for (std::size_t g = 0; g < s.groups.size(); ++g)
    if (!given[g] && held[s.groups[g].first].where.file() != kSpillMarker)
      f({held[s.groups[g].first].where.file(), std::nullopt, items_of(g)});
}

}  // namespace plancheck
