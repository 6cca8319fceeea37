#pragma once
// libxlsxwriter 1.1.4 (Debian 12) writes workbooks to a file only: the
// spreadsheet report and the data-entry template both go through a private
// temporary file that is read back into memory and removed, whatever happens.
#include <xlsxwriter.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace plancheck {

// The workbook could not be written (a libxlsxwriter error, or the temporary
// file it is written through).
class XlsxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A private temporary .xlsx file (mode 0600, from mkstemps) in $TMPDIR, else
// /tmp, removed on destruction.
class XlsxTempFile {
 public:
  XlsxTempFile();  // throws XlsxError
  ~XlsxTempFile();
  XlsxTempFile(const XlsxTempFile&) = delete;
  XlsxTempFile& operator=(const XlsxTempFile&) = delete;

  const std::string& path() const { return path_; }
  // The directory, for libxlsxwriter's own scratch files (options.tmpdir).
  std::string& dir() { return dir_; }
  // The bytes written; `what` names the file in errors ("spreadsheet").
  std::string read(std::string_view what) const;

 private:
  std::string dir_;
  std::string path_;
};

// A workbook not yet closed is freed without being written.
struct WorkbookFree {
  void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

// Throws XlsxError "cannot write the <what>: <doing>: <libxlsxwriter's words>"
// unless `error` is LXW_NO_ERROR.
void check_xlsx(lxw_error error, std::string_view what, std::string_view doing);

}  // namespace plancheck
