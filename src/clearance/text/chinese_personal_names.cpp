#include "clearance/text/chinese_personal_names.h"

#include <unicode/utf8.h>

#include <array>
#include <string>

#include "clearance/text/han.h"

namespace clearance {
namespace {

// Frequent single-character surnames, simplified then traditional forms that differ. Left out:
// surnames that also open many company names (华 of 华为, 金, 龙, 万, 中…): a brand of two
// characters must not read as a person.
constexpr std::string_view kSurnames =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈"
    "姚卢姜崔钟谭陆汪范石廖贾夏韦付傅白邹孟熊秦邱尹薛闫阎段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔"
    "向汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关焦俞左柳甘祝包尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤阳穆司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查"
    "麻苑迟邝"
    "張劉陳楊黃趙吳鄭謝許韓馮鄧蕭蔣蘇呂盧鍾譚陸賈韋鄒閻賀顧龔錢嚴湯溫齊喬龐顏聶魯歐關紀畢單塗駱藍"
    "鮑饒繆簡車項蘆麥婁竇黨費衛欒鄺";

constexpr std::array<std::string_view, 24> kDoubleSurnames = {
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲",
    "令狐", "公孙", "公孫", "慕容", "夏侯", "长孙", "長孫", "宇文", "司徒", "端木", "轩辕", "軒轅"};

}  // namespace

std::string_view chinese_personal_name_surname(std::string_view text) {
  // Byte offsets of each character, spaces skipped ("李 娜" is still one name).
  std::string compact;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  int characters = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c == ' ' || c == 0x3000) continue;
    if (c < 0 || !is_han(c)) return {};
    compact.append(text.substr(start, i - start));
    ++characters;
  }
  if (characters < 2 || characters > 4) return {};
  for (std::string_view two : kDoubleSurnames)
    if (compact.starts_with(two) && characters >= 3) return two;
  if (characters > 3) return {};
  // Every Han character in the tables is three bytes of UTF-8.
  const std::string_view first = std::string_view(compact).substr(0, 3);
  for (size_t k = 0; k + 3 <= kSurnames.size(); k += 3)
    if (kSurnames.substr(k, 3) == first) return kSurnames.substr(k, 3);
  return {};
}

}  // namespace clearance
