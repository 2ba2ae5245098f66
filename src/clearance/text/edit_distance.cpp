#include "clearance/text/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace clearance {

int bounded_edit_distance(std::string_view a, std::string_view b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  if (n == 0 || m == 0) return std::max(n, m) <= max ? std::max(n, m) : max + 1;
  // Three rolling rows (the transposition needs the row before last); names are short.
  constexpr int kStack = 64;
  int stack[3][kStack + 1];
  std::vector<int> heap;
  int *prev2, *prev, *cur;
  if (m <= kStack) {
    prev2 = stack[0];
    prev = stack[1];
    cur = stack[2];
  } else {
    heap.resize(3 * static_cast<size_t>(m + 1));
    prev2 = heap.data();
    prev = prev2 + m + 1;
    cur = prev + m + 1;
  }
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max) return max + 1;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] <= max ? prev[m] : max + 1;
}

uint32_t letter_mask(std::string_view text) {
  uint32_t mask = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      mask |= 1u << (c - 'a');
    else if (c >= '0' && c <= '9')
      mask |= 1u << 26;
    else
      mask |= 1u << 27;
  }
  return mask;
}

int reference_edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

}  // namespace clearance
