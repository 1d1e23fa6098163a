package org.xiangzhi.cases.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Staff;

/**
 * Demo cases after the registry's demo: a dozen reports in 橙槽村 at every stage of the
 * workflow ("群众码上说、干部马上办", seed 001) and two in 珍宝村, so the queues, the tracking page and
 * the statistics have something to show. Skipped when they are already there. Off in
 * tests ({@code xiangzhi.demo.cases=false}) so that tests count only their own cases.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = { "xiangzhi.demo.enabled", "xiangzhi.demo.cases" }, havingValue = "true",
		matchIfMissing = false)
@Order(20)
class CasesDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CasesDemoData.class);

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	/** The first demo report: when it exists, the demo cases are there. */
	static final String FIRST = "村口垃圾池满了，好几天没人清运，味道很大。";

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final JdbcClient jdbc;

	private final Staff staff;

	CasesDemoData(CaseDesk desk, CasePhotos photos, JdbcClient jdbc, Staff staff) {
		this.desk = desk;
		this.photos = photos;
		this.jdbc = jdbc;
		this.staff = staff;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean present = jdbc.sql("select count(*) from case_record where description = :first")
			.param("first", FIRST)
			.query(Long.class)
			.single() > 0;
		if (present) {
			return;
		}
		Actor village = actor("village-cadre");
		Actor town = actor("town-admin");
		Actor grid = actor("grid-worker");
		if (village == null || town == null || grid == null) {
			return;
		}
		// just reported
		report(CHENGCAO + "G01", "environment", FIRST, new GeoPoint(38.60, 103.085), "王秀英", "13800000001");
		report(CHENGCAO, "infrastructure.street_light", "二社到三社之间的路灯坏了三盏，晚上出门不方便。", null, null, null);
		report(CHENGCAO + "G03", "policy_inquiry", "想问一下今年的耕地地力保护补贴什么时候发？", null, "李建国", null);
		// accepted and dispatched
		CaseRecord road = report(CHENGCAO, "infrastructure.road", "四社通往田间的机耕路被雨水冲出一道深沟，拖拉机过不去。", null, null,
				"13800000002");
		road = desk.act(village, road.id(), CaseCommand.of(CaseAction.ACCEPT, road.version()));
		road = desk.act(village, road.id(),
				CaseCommand.of(CaseAction.DISPATCH, road.version()).withAssignee(village.accountId()));
		CaseRecord water = report(CHENGCAO + "G02", "infrastructure.water", "五社自来水压力太小，二楼上不去水。", null, null, null);
		desk.act(village, water.id(), CaseCommand.of(CaseAction.ACCEPT, water.version()));
		// handled, waiting for the reporter or the town
		CaseRecord trash = report(CHENGCAO + "G01", "environment", "一社渠边有人倾倒建筑垃圾。", null, null, null);
		trash = handle(grid, trash, "已联系倾倒户清运，渠边恢复干净。");
		// closed and rated
		CaseRecord light = report(CHENGCAO, "infrastructure.street_light", "村委会门口路灯不亮。", null, "张明", "13800000003");
		light = handle(village, light, "已更换灯泡和线路。");
		light = desk.act(town, light.id(), CaseCommand.of(CaseAction.VERIFY, light.version()));
		light = desk.actAsReporter(light.trackingCode(), CaseAction.CONFIRM_BY_REPORTER, light.version(), null);
		light = desk.act(village, light.id(), CaseCommand.of(CaseAction.CLOSE, light.version()));
		desk.rate(light.trackingCode(), 5, "修得很快，谢谢村干部！");
		// a dispute escalated to the town
		CaseRecord dispute = report(CHENGCAO, "dispute", "两户人家因宅基地边界起了争执，已经吵了好几次。", null, null, null);
		dispute = desk.act(village, dispute.id(), CaseCommand.of(CaseAction.ACCEPT, dispute.version()));
		desk.act(village, dispute.id(),
				CaseCommand.of(CaseAction.ESCALATE, dispute.version()).withReason("涉及村外承包地，需镇司法所和土地所参与。"));
		// 珍宝村
		report(ZHENBAO, "suggestion", "建议在村文化广场增设几个健身器材。", null, null, null);
		report(ZHENBAO, "social_assistance.temporary", "三社一户人家房屋失火，需要临时救助。", null, null, null);
		log.info("Cases demo data ready (14 cases in 橙槽村 and 珍宝村)");
	}

	private CaseRecord report(String place, String category, String text, GeoPoint location, String name,
			String phone) {
		var receipt = desk.report(
				new NewCase(place, category, text, location, name, phone, Channel.QR, null, null, List.of()), null,
				null, null);
		return desk.tracked(receipt.trackingCode()).orElseThrow();
	}

	private CaseRecord handle(Actor handler, CaseRecord c, String result) {
		c = desk.act(handler, c.id(), CaseCommand.of(CaseAction.ACCEPT, c.version()));
		c = desk.act(handler, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(handler.accountId()));
		c = desk.act(handler, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		long photo = photos.store(afterPhoto(), CasePhotos.Kind.AFTER, handler.username()).id();
		return desk.act(handler, c.id(),
				CaseCommand.of(CaseAction.HANDLE, c.version()).withResult(result, List.of(photo)));
	}

	/** A plain picture standing in for a photo taken on site. */
	private static byte[] afterPhoto() {
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(0x7FB77E));
			g.fillRect(0, 0, 320, 240);
			g.setColor(new Color(0x4A6FA5));
			g.fillRect(0, 0, 320, 90);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private Actor actor(String username) {
		return staff.actor(username).orElse(null);
	}

}
