/** Where the rules come from: the seed articles (see shared/seeds/) and the Party Statute. */
import { bi } from '../i18n.ts';

export const BASIS = {
  statuteCommittee: bi(
    'Điều lệ Đảng: chi bộ có từ 9 đảng viên chính thức trở lên thì bầu chi ủy; dưới 9 chỉ bầu bí thư (và phó bí thư)',
    'Party Statute: a cell with 9 or more official members elects a committee; below that only a secretary (and deputy)',
  ),
  statuteMinMembers: bi(
    'Điều lệ Đảng: chi bộ có ít nhất 3 đảng viên chính thức; chưa đủ thì ghép với chi bộ khác',
    'Party Statute: a cell has at least 3 official members; otherwise it is merged with another cell',
  ),
  statuteAge: bi(
    'Điều lệ Đảng, Điều 1: người được kết nạp phải từ đủ 18 tuổi trở lên',
    'Party Statute, Article 1: a person admitted must be at least 18 years old',
  ),
  seedFewMembers: bi(
    'Bài về Sốp Cộp, Sơn La (seed 000): còn 45 chi bộ dưới 9 đảng viên, 6 chi bộ dưới 5 đảng viên',
    'Sốp Cộp, Sơn La article (seed 000): 45 cells still had under 9 members, 6 cells under 5',
  ),
  seedCommitteeTarget: bi(
    'NQ 02-NQ/TU Sơn La (seed 000): trên 90% chi bộ bản, tiểu khu, tổ dân phố có chi ủy; Sốp Cộp từ 76 lên 82 chi bộ có chi ủy (seed 003)',
    'Sơn La Resolution 02-NQ/TU (seed 000): over 90% of residential cells with a committee; Sốp Cộp went from 76 to 82 (seed 003)',
  ),
  seedRegularMeetings: bi(
    'Bài về Văn Lãng, Lạng Sơn (seed 002): chỉ vài chi bộ sinh hoạt đủ 12 kỳ/năm, chi bộ Nặm Bao chỉ 6 kỳ; quy định sinh hoạt chi bộ mỗi tháng một lần',
    'Văn Lãng, Lạng Sơn article (seed 002): only a few cells held all 12 meetings a year, Nặm Bao only 6; a cell meets once a month',
  ),
  seedThematicMeetings: bi(
    'Chỉ thị của Tỉnh ủy Lào Cai (seed 001): "số buổi sinh hoạt chuyên đề ít"; sinh hoạt chuyên đề ít nhất mỗi quý một lần',
    'Lào Cai directive (seed 001): "few thematic meetings"; at least one thematic meeting a quarter',
  ),
  seedAdmission: bi(
    'Bài về Văn Lãng (seed 002): chi bộ Pò Cại 4 năm, Nà Mò 2 năm không kết nạp được đảng viên; Lào Cai (seed 001): có chi bộ nhiều năm liền không kết nạp',
    'Văn Lãng article (seed 002): Pò Cại went 4 years and Nà Mò 2 years without admitting anyone; Lào Cai (seed 001): some cells admitted nobody for years',
  ),
  seedSecretaryHamletHead: bi(
    'Bài về Sốp Cộp (seed 003): bố trí 99/101 bí thư chi bộ đồng thời là trưởng bản',
    'Sốp Cộp article (seed 003): 99 of 101 cell secretaries were also hamlet heads',
  ),
  seedHamletHeadMember: bi(
    'Chỉ thị của Tỉnh ủy Lào Cai (seed 001): số trưởng thôn, tổ trưởng tổ dân phố chưa là đảng viên còn cao',
    'Lào Cai directive (seed 001): too many hamlet heads are not party members',
  ),
  seedTasks: bi(
    'Chỉ thị của Tỉnh ủy Lào Cai (seed 001): bảo đảm mọi đảng viên đều được phân công nhiệm vụ cụ thể',
    'Lào Cai directive (seed 001): every member must be assigned a specific task',
  ),
  seedWhiteHamlet: bi(
    'Sơn La (seed 000): xóa bản "trắng" đảng viên, tránh tái "trắng"; 100% bản có đảng viên (Lào Cai, seed 001)',
    'Sơn La (seed 000): eliminate hamlets without members and prevent relapse; every hamlet with members (Lào Cai, seed 001)',
  ),
  seedHamletCell: bi(
    'Sơn La (seed 000): 100% bản có chi bộ độc lập; Lào Cai (seed 001): 100% thôn bản có chi bộ độc lập',
    'Sơn La (seed 000): every hamlet with its own cell; Lào Cai (seed 001): 100% of hamlets with an independent cell',
  ),
  seedJump: bi(
    'So sánh với kỳ trước: Lào Cai (seed 001) nêu kết nạp năm sau giảm hơn năm trước; Sơn La (seed 000, 003) cảnh báo bản tái "trắng" đảng viên',
    'Comparison with the previous period: Lào Cai (seed 001) notes admissions falling year on year; Sơn La (seed 000, 003) warns of hamlets losing their members again',
  ),
  consistency: bi('Tính nhất quán của số liệu trong biểu mẫu', 'Consistency of the figures in the workbook'),
  crossSheet: bi(
    'Đối chiếu số liệu giữa các trang tính của cùng biểu mẫu',
    'Figures checked against another sheet of the same workbook',
  ),
};
