package org.xiangzhi.authz;

import org.springframework.context.ApplicationContext;
import org.xiangzhi.platform.Place;

/**
 * Creates one record of a kind at a place, for the authorization matrix; returns its id.
 */
@FunctionalInterface
public interface RecordFactory {

	String create(Place place, ApplicationContext context);

}
