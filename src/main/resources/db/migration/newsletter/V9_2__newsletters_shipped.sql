-- The two newsletters every installation starts with; editors may rename them later.
INSERT INTO newsletter (code, name, description, schedule, zone, sender_name, sender_address, position) VALUES
('five-today', '今日読みたい5本',
 '編集部がその日の朝に選んだ5本の記事を、ひとことの紹介を添えてお届けします。平日の朝7時に配信します。',
 '0 0 7 * * MON-FRI', 'Asia/Tokyo', '瓦版 今日読みたい5本', 'newsletter@kawaraban.example', 1),
('weekly', '週末のまとめ読み',
 '一週間のニュースから、週末にじっくり読みたい記事を選んでお届けします。毎週土曜日の朝8時に配信します。',
 '0 0 8 * * SAT', 'Asia/Tokyo', '瓦版 週末のまとめ読み', 'newsletter@kawaraban.example', 2);
